-- Inbox of the service chassis: the messages each consumer has handled, recorded in the same
-- transaction as the handler's effects, so a redelivered or duplicate message changes nothing.
create table inbox (
    consumer    varchar(200) not null,
    message_id  varchar(200) not null,
    received_at timestamptz  not null default now(),
    primary key (consumer, message_id)
);
create index inbox_received_at_idx on inbox (received_at);
