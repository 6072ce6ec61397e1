-- Portable SQL: this file runs unchanged on the embedded H2 database and on PostgreSQL.

-- One contact per phone number (E.164) in a workspace and environment. Tags (a JSON array) and
-- attributes (a JSON object) are stored as text; the API validates and limits them. Text
-- columns leave room for names counted in code points, which may take two UTF-16 units each.
create table contact (
    id            varchar(40)   primary key,
    workspace_id  varchar(40)   not null references workspace (id),
    environment   varchar(8)    not null,
    phone         varchar(20)   not null,
    name          varchar(400),
    email         varchar(254),
    tags          varchar(4000) not null,
    attributes    varchar(4096) not null,
    created_at    timestamp(6) with time zone not null,
    updated_at    timestamp(6) with time zone not null,
    constraint uq_contact_phone unique (workspace_id, environment, phone)
);
-- The list order, (updated_at, id), is what a sync client pages through.
create index ix_contact_updated on contact (workspace_id, environment, updated_at, id);

-- A conversation is the thread between one instance and one contact. active_key holds
-- instance_id:contact_id while the conversation is not closed and is NULL once it is: the
-- unique constraint on it (NULLs are distinct on both databases) allows at most one
-- non-closed conversation per instance and contact, and any number of closed ones.
create table conversation (
    id               varchar(40)  primary key,
    workspace_id     varchar(40)  not null references workspace (id),
    environment      varchar(8)   not null,
    instance_id      varchar(40)  not null references instance (id),
    contact_id       varchar(40)  not null references contact (id),
    status           varchar(16)  not null,
    assignee         varchar(400),
    active_key       varchar(81),
    created_at       timestamp(6) with time zone not null,
    updated_at       timestamp(6) with time zone not null,
    last_message_at  timestamp(6) with time zone not null,
    constraint uq_conversation_active unique (active_key),
    constraint ck_conversation_status
        check (status in ('open', 'pending', 'resolved', 'closed')),
    -- "is not null" matters: a check whose condition is NULL passes.
    constraint ck_conversation_active_key check (
        (status = 'closed' and active_key is null)
        or (status <> 'closed' and active_key is not null
            and active_key = instance_id || ':' || contact_id))
);
-- The list order is last_message_at desc, id desc; each filter has an index leading to it.
create index ix_conversation_recent on conversation (workspace_id, environment, last_message_at, id);
create index ix_conversation_status on conversation (workspace_id, environment, status, last_message_at);
create index ix_conversation_assignee on conversation (workspace_id, environment, assignee, last_message_at);
create index ix_conversation_contact on conversation (contact_id, last_message_at);
create index ix_conversation_instance on conversation (instance_id, last_message_at);

-- Which contact a message went to and which conversation it belongs to. NULL for messages
-- accepted before conversations existed.
alter table outbox_message add column contact_id varchar(40);
alter table outbox_message add column conversation_id varchar(40);
alter table outbox_message add constraint fk_outbox_message_contact
    foreign key (contact_id) references contact (id);
alter table outbox_message add constraint fk_outbox_message_conversation
    foreign key (conversation_id) references conversation (id);
create index ix_outbox_message_conversation on outbox_message (conversation_id, queue_seq);
