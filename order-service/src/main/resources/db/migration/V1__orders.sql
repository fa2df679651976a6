-- Orders: the aggregate a customer sees. Its status moves only through the Order class's
-- guarded transitions; @Version (version) guards against two writers meeting.
create table orders (
    id                   uuid           primary key,
    user_id              uuid           not null,
    status               varchar(16)    not null
        check (status in ('PENDING', 'CONFIRMED', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'REJECTED')),
    reason               varchar(32),
    currency             varchar(3),
    total                numeric(12, 2),
    ship_line1           varchar(200)   not null,
    ship_line2           varchar(200),
    ship_city            varchar(100)   not null,
    ship_postal_code     varchar(20)    not null,
    ship_country         varchar(2)     not null,
    created_at           timestamptz    not null,
    updated_at           timestamptz    not null,
    version              bigint         not null
);
create index orders_user_created_idx on orders (user_id, created_at desc, id);
create index orders_created_idx on orders (created_at desc, id);

create table order_lines (
    order_id   uuid           not null references orders (id) on delete cascade,
    line_no    integer        not null,
    sku        varchar(32)    not null,
    quantity   integer        not null check (quantity between 1 and 100),
    unit_price numeric(12, 2),
    primary key (order_id, line_no)
);

create table order_history (
    order_id   uuid        not null references orders (id) on delete cascade,
    entry_no   integer     not null,
    status     varchar(16) not null,
    reason     varchar(32),
    at         timestamptz not null,
    primary key (order_id, entry_no)
);

-- The saga that places an order (orchestrated here): one row per order, with optimistic
-- locking. The card token waits here only until payment.authorize is in the outbox.
create table checkout_sagas (
    order_id         uuid        primary key references orders (id) on delete cascade,
    step             varchar(24) not null
        check (step in ('RESERVING', 'AWAITING_PAYMENT', 'DONE')),
    payment          varchar(24) not null
        check (payment in ('NONE', 'AUTHORIZED', 'DECLINED', 'REFUND_REQUESTED', 'REFUNDED')),
    payment_id       uuid,
    card_token       varchar(100),
    payment_deadline timestamptz,
    started_at       timestamptz not null,
    updated_at       timestamptz not null,
    version          bigint      not null
);
create index checkout_sagas_open_idx on checkout_sagas (step, updated_at) where step <> 'DONE';
create index checkout_sagas_deadline_idx on checkout_sagas (payment_deadline) where step = 'AWAITING_PAYMENT';

-- Idempotency-Key of POST /api/orders: one row per (customer, key) with the request's hash
-- and, once known, the response (status and body) every retry gets.
create table idempotency_keys (
    user_id         uuid         not null,
    idempotency_key varchar(100) not null,
    request_hash    char(64)     not null,
    order_id        uuid         not null,
    response_status integer,
    response_body   text,
    created_at      timestamptz  not null,
    completed_at    timestamptz,
    primary key (user_id, idempotency_key)
);
create index idempotency_keys_created_idx on idempotency_keys (created_at);

-- Local copy of the user data order-service needs (from user.registered / user.updated), so
-- placing an order never calls user-service. version = the account's version in the event.
create table customers (
    user_id          uuid         primary key,
    email            varchar(254) not null,
    full_name        varchar(200) not null,
    ship_line1       varchar(200),
    ship_line2       varchar(200),
    ship_city        varchar(100),
    ship_postal_code varchar(20),
    ship_country     varchar(2),
    version          bigint       not null,
    updated_at       timestamptz  not null
);
