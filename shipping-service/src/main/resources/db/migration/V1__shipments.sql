-- Shipments: exactly one per confirmed order (the unique order_id is the last word when
-- two deliveries of order.confirmed race), with its own tracking number and the shipping
-- address the order was confirmed with. Status moves CREATED -> DISPATCHED -> DELIVERED,
-- or CREATED -> CANCELLED, each in one conditional UPDATE; the checks keep every
-- timestamp in step with the status.
create table shipments (
    id               uuid         primary key,
    order_id         uuid         not null unique,
    user_id          uuid         not null,
    tracking_number  varchar(12)  not null unique check (tracking_number ~ '^SF[A-Z0-9]{10}$'),
    status           varchar(16)  not null check (status in ('CREATED', 'DISPATCHED', 'DELIVERED', 'CANCELLED')),
    ship_line1       varchar(200) not null,
    ship_line2       varchar(200),
    ship_city        varchar(100) not null,
    ship_postal_code varchar(20)  not null,
    ship_country     varchar(2)   not null,
    created_at       timestamptz  not null,
    dispatched_at    timestamptz,
    delivered_at     timestamptz,
    cancelled_at     timestamptz,
    updated_at       timestamptz  not null,
    check ((status in ('DISPATCHED', 'DELIVERED')) = (dispatched_at is not null)),
    check ((status = 'DELIVERED') = (delivered_at is not null)),
    check ((status = 'CANCELLED') = (cancelled_at is not null))
);

-- Orders cancelled before their shipment was created: order.cancelled overtook
-- order.confirmed (a retried confirmation), or the order was never confirmed at all. A
-- confirmation that arrives later creates the shipment CANCELLED, so it can never be
-- dispatched.
create table cancelled_orders (
    order_id     uuid        primary key,
    cancelled_at timestamptz not null
);
