-- The monolith's one schema. Today it holds the catalog; every module of the monolith reads
-- and writes these tables directly (no API between modules), which is what makes the data
-- hard to move and why the migration copies it out with change data capture.
create table products (
    sku         varchar(32)    primary key,
    name        varchar(200)   not null,
    description varchar(2000)  not null default '',
    category    varchar(100),
    price       numeric(12, 2) not null check (price > 0),
    currency    varchar(3)     not null,
    stock       integer        not null check (stock >= 0),
    updated_at  timestamptz    not null default now()
);
