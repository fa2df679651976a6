-- Nothing but the verification code goes to an address its owner has not verified: the
-- copy of user data knows whether the address is verified (from user.registered and
-- user.updated), and the sender takes only verification e-mails for unverified addresses.
-- Users known before verification existed count as verified, as they do in user-service.
alter table recipients add column email_verified boolean not null default false;
update recipients set email_verified = true;

alter table notifications drop constraint notifications_template_check;
alter table notifications add constraint notifications_template_check
    check (template in ('VERIFY_EMAIL', 'WELCOME', 'ORDER_CONFIRMED', 'ORDER_CANCELLED', 'ORDER_DISPATCHED'));
