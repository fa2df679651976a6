-- The catalog and its stock. Stock changes are single conditional UPDATEs, never
-- read-modify-write; the check keeps it from ever going below zero.
create extension if not exists pg_trgm;

create table products (
    sku         varchar(32)   primary key,
    name        varchar(200)  not null,
    description varchar(2000) not null default '',
    category    varchar(100),
    price       numeric(12, 2) not null check (price > 0),
    currency    varchar(3)    not null,
    available   integer       not null check (available >= 0),
    version     bigint        not null,
    created_at  timestamptz   not null,
    updated_at  timestamptz   not null
);

-- Case-insensitive search in name and description without a table scan (trigram index).
create index products_search_idx on products using gin (lower(name || ' ' || description) gin_trgm_ops);
