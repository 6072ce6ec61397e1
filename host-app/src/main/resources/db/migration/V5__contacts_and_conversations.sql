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
