-- Portable SQL: this file runs unchanged on the embedded H2 database and on PostgreSQL.

-- What happened in a workspace (message.received, message.status, instance.status, ...), in
-- order; outgoing webhooks deliver from here. data is the event's JSON object.
create table workspace_event (
    id            varchar(40)   primary key,
    workspace_id  varchar(40)   not null references workspace (id),
    environment   varchar(8)    not null,
    type          varchar(40)   not null,
    data          varchar(262144) not null,
    occurred_at   timestamp(6) with time zone not null
);
create index ix_event_workspace on workspace_event (workspace_id, occurred_at, id);
