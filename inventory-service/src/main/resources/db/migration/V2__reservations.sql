-- Reservations: stock held for an order until it is committed (the order is confirmed),
-- released (cancelled or expired) or returned (a confirmed order cancelled before shipping).
-- products.reserved counts the units held; available + reserved only ever moves in single
-- conditional UPDATEs.
alter table products add column reserved integer not null default 0 check (reserved >= 0);

create table reservations (
    order_id     uuid        primary key,
    status       varchar(16) not null check (status in ('HELD', 'COMMITTED', 'RELEASED', 'RETURNED')),
    request_hash char(64)    not null,
    expires_at   timestamptz not null,
    created_at   timestamptz not null,
    updated_at   timestamptz not null
);
create index reservations_held_expiry_idx on reservations (expires_at) where status = 'HELD';

create table reservation_lines (
    order_id   uuid           not null references reservations (order_id),
    sku        varchar(32)    not null references products (sku),
    quantity   integer        not null check (quantity > 0),
    unit_price numeric(12, 2) not null,
    currency   varchar(3)     not null,
    primary key (order_id, sku)
);
