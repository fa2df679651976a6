-- An order rejected before its reservation request was handled (order-service gave up
-- waiting for inventory-service) leaves a VOID reservation: the order id is taken, holds
-- nothing, and a late request for it reserves nothing. A VOID row has no request hash:
-- the request it stands for never arrived.
alter table reservations alter column request_hash drop not null;
alter table reservations drop constraint reservations_status_check;
alter table reservations add constraint reservations_status_check
    check (status in ('HELD', 'COMMITTED', 'RELEASED', 'RETURNED', 'VOID'));
alter table reservations add constraint reservations_hash_unless_void
    check ((status = 'VOID') = (request_hash is null));
