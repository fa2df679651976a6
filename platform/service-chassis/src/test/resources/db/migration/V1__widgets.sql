create table widgets (
    id   uuid primary key,
    name varchar(100) not null
);
create table received_widgets (
    message_id varchar(100) primary key,
    subject    varchar(100) not null,
    name       varchar(100) not null
);
