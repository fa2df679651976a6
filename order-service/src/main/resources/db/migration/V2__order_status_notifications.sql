-- GET /api/orders/{id} with "Prefer: wait=N" answers as soon as the order's status changes:
-- every change is announced on the channel order_status (the order id as payload), delivered
-- when its transaction commits, to every order-service instance that listens (OrderStatusWatch).
create function notify_order_status() returns trigger language plpgsql as $$
begin
    if new.status is distinct from old.status then
        perform pg_notify('order_status', new.id::text);
    end if;
    return new;
end
$$;

create trigger orders_status_notify after update of status on orders
    for each row execute function notify_order_status();
