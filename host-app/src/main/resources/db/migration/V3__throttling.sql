-- Throttle settings as JSON: the workspace default, and an optional override per instance.
alter table workspace add column throttle_settings varchar(1000);
alter table instance add column throttle_settings varchar(1000);

-- Throttle state per instance, kept in the database so that gaps hold across restarts and
-- across nodes: when the next send may start, sends in the current smart batch, and how many
-- retryable failures came in a row (for the backoff).
alter table instance add column next_send_at timestamp(6) with time zone;
alter table instance add column batch_sent integer default 0 not null;
alter table instance add column retry_streak integer default 0 not null;

create index ix_outbox_message_instance_queue on outbox_message (instance_id, status, queue_seq);
create index ix_outbox_message_status_created on outbox_message (status, created_at);
