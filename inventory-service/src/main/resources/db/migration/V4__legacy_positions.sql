-- For the migration from the legacy monolith (docs/migration.md): the log position of the last
-- change of each SKU applied from the monolith's catalog, so that a repeated or late change is
-- never applied over a newer one. Dropped with the capture once the migration is over.
create table legacy_positions (
    sku      varchar(32) primary key,
    position bigint      not null
);
