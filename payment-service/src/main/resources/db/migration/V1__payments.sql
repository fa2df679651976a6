-- Payments: the outcome of authorising an order's charge with the provider. The card token
-- is never stored, only the brand the provider told. At most one successful payment per
-- order (authorised, or authorised and refunded since), whatever arrives twice: the
-- partial unique index is the last word when two deliveries race.
create table payments (
    id             uuid           primary key,
    order_id       uuid           not null,
    user_id        uuid           not null,
    status         varchar(16)    not null check (status in ('AUTHORIZED', 'DECLINED', 'REFUNDED')),
    amount         numeric(12, 2) not null check (amount > 0),
    currency       varchar(3)     not null,
    card_brand     varchar(16)    not null check (card_brand in ('visa', 'mastercard', 'unknown')),
    decline_reason varchar(32)    check (decline_reason in ('card_declined', 'insufficient_funds', 'invalid_card_token')),
    created_at     timestamptz    not null,
    updated_at     timestamptz    not null,
    check ((status = 'DECLINED') = (decline_reason is not null))
);
create unique index payments_one_success_per_order_idx on payments (order_id)
    where status in ('AUTHORIZED', 'REFUNDED');
create index payments_order_idx on payments (order_id, created_at);
