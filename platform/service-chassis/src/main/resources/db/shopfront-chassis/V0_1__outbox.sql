-- Transactional outbox of the service chassis: written in the same transaction as the state
-- change, published by the relay with publisher confirms, marked sent only on ack.
create table outbox (
    id              bigserial    primary key,
    message_id      uuid         not null unique,
    exchange        varchar(200) not null,
    routing_key     varchar(200) not null,
    type            varchar(200) not null,
    source          varchar(200) not null,
    subject         varchar(200) not null,
    dataschema      varchar(300) not null,
    payload         text         not null,
    traceparent     varchar(64),
    tracestate      varchar(512),
    created_at      timestamptz  not null default now(),
    attempts        integer      not null default 0,
    next_attempt_at timestamptz  not null default now(),
    last_error      varchar(1000),
    sent_at         timestamptz
);
-- The relay reads unsent rows in id order, and per subject (aggregate) the earliest unsent one.
create index outbox_unsent_idx on outbox (id) where sent_at is null;
create index outbox_unsent_subject_idx on outbox (subject, id) where sent_at is null;
create index outbox_sent_at_idx on outbox (sent_at) where sent_at is not null;
