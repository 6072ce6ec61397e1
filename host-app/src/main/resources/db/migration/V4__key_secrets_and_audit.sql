-- Portable SQL: this file runs unchanged on the embedded H2 database and on PostgreSQL.

-- A key may have several secrets at once: its current one and, after rolls, older ones that
-- keep working until their grace period ends (expires_at). As before, only SHA-256 is stored.
create table api_key_secret (
    secret_hash  varchar(64)  primary key,
    key_id       varchar(40)  not null references api_key (id),
    created_at   timestamp(6) with time zone not null,
    expires_at   timestamp(6) with time zone
);
create index ix_api_key_secret_key on api_key_secret (key_id);

-- Every existing key keeps its one secret, with no end.
insert into api_key_secret (secret_hash, key_id, created_at, expires_at)
    select secret_hash, id, created_at, null from api_key;

alter table api_key drop constraint uq_api_key_secret_hash;
alter table api_key drop column secret_hash;

-- Who created the key: the owner's email. Older keys get their workspace's owner.
alter table api_key add column created_by varchar(320);
update api_key set created_by = (
    select min(o.email) from workspace_owner o where o.workspace_id = api_key.workspace_id);

-- Changes to a workspace's settings and refusals worth an owner's attention, newest first.
-- details is a JSON object; it never holds a secret or a secret's hash.
create table audit_event (
    id            varchar(40)   primary key,
    workspace_id  varchar(40)   not null references workspace (id),
    occurred_at   timestamp(6) with time zone not null,
    action        varchar(64)   not null,
    actor         varchar(320)  not null,
    key_id        varchar(40)   references api_key (id),
    details       varchar(4000) not null
);
create index ix_audit_event_workspace on audit_event (workspace_id, occurred_at, id);
create index ix_audit_event_key on audit_event (key_id, occurred_at, id);
