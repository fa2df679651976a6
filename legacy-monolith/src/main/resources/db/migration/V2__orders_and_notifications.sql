-- The rest of the shared schema: users, orders, their lines and the e-mails sent about them.
-- Orders reference products and users directly (foreign keys across modules): the coupling the
-- migration has to cut.
create table users (
    id         uuid         primary key,
    email      varchar(254) not null,
    created_at timestamptz  not null default now()
);

create table orders (
    id         uuid           primary key,
    user_id    uuid           not null references users (id),
    status     varchar(20)    not null,
    total      numeric(14, 2) not null,
    currency   varchar(3)     not null,
    created_at timestamptz    not null default now()
);

create table order_lines (
    order_id   uuid           not null references orders (id),
    sku        varchar(32)    not null references products (sku),
    quantity   integer        not null check (quantity > 0),
    unit_price numeric(12, 2) not null,
    primary key (order_id, sku)
);

create table notifications (
    id         uuid         primary key,
    user_id    uuid         not null references users (id),
    order_id   uuid         references orders (id),
    recipient  varchar(254) not null,
    subject    varchar(200) not null,
    status     varchar(10)  not null,
    created_at timestamptz  not null default now(),
    sent_at    timestamptz
);
