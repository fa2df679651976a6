-- Recipients: notification-service's copy of the user data it needs, kept from user.registered
-- and user.updated (a copy changes only for a higher account version).
create table recipients (
    user_id    uuid         primary key,
    email      varchar(254) not null,
    full_name  varchar(200) not null,
    version    bigint       not null,
    updated_at timestamptz  not null
);

-- Notifications: one row per e-mail to send, recorded by the consumer in the transaction that
-- handles the event, sent later by the sender worker. The unique (template, reference) makes it
-- one e-mail per event and recipient, whatever is redelivered or published twice: the reference
-- is the user (WELCOME), the order (ORDER_CONFIRMED, ORDER_CANCELLED) or the shipment
-- (ORDER_DISPATCHED), and each of them has one recipient, its user. The address is read from
-- recipients when the e-mail goes out (an order event may come before the user's copy), and
-- kept in the row from the first attempt on. Rows are never deleted.
create table notifications (
    id                uuid         primary key,
    template          varchar(32)  not null
        check (template in ('WELCOME', 'ORDER_CONFIRMED', 'ORDER_CANCELLED', 'ORDER_DISPATCHED')),
    reference         uuid         not null,
    user_id           uuid         not null,
    order_id          uuid,
    subject           varchar(200) not null,
    model             jsonb        not null,
    recipient         varchar(254),
    status            varchar(16)  not null check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts          integer      not null default 0 check (attempts >= 0),
    last_error        varchar(500),
    next_attempt_at   timestamptz  not null,
    source_message_id varchar(200) not null,
    created_at        timestamptz  not null,
    sent_at           timestamptz,
    constraint notifications_once unique (template, reference),
    check ((status = 'SENT') = (sent_at is not null)),
    check (status <> 'SENT' or recipient is not null),
    check (status <> 'FAILED' or last_error is not null)
);
-- the sender's queue: due rows first
create index notifications_due_idx on notifications (next_attempt_at) where status = 'PENDING';
-- the notification log of one user, newest first
create index notifications_user_idx on notifications (user_id, created_at desc, id desc);
