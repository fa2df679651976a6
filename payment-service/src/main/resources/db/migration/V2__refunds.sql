-- Refunds: a payment is refunded at most once, in full (the payment moves AUTHORIZED ->
-- REFUNDED in one conditional UPDATE; the unique payment_id is the database's guard).
create table refunds (
    id         uuid           primary key,
    payment_id uuid           not null unique references payments (id),
    amount     numeric(12, 2) not null check (amount > 0),
    currency   varchar(3)     not null,
    reason     varchar(64)    not null,
    created_at timestamptz    not null
);
