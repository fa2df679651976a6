create table notes (
    id   bigint generated always as identity primary key,
    text varchar(100) not null,
    code varchar(10) unique
);
