-- Remembers which message an Idempotency-Key produced, per workspace and environment, so a
-- client retrying a send after a timeout gets the first answer instead of a second message.
create table idempotency_key (
    workspace_id  varchar(40)  not null references workspace (id),
    environment   varchar(8)   not null,
    key_value     varchar(255) not null,
    request_hash  varchar(64)  not null,
    message_id    varchar(40)  not null references outbox_message (id),
    created_at    timestamp(6) with time zone not null,
    constraint pk_idempotency_key primary key (workspace_id, environment, key_value)
);
