-- E-mail verification: an address is verified once its owner sends back the code that was
-- e-mailed to it; until then notification-service sends it nothing but that code. Accounts
-- that existed before verification was introduced count as verified (grandfathered).
alter table accounts add column email_verified_at timestamptz;
update accounts set email_verified_at = created_at;

-- Verification codes, kept only as SHA-256 hashes; one use each, for a limited time.
create table email_verifications (
    id          uuid        primary key,
    account_id  uuid        not null references accounts (id) on delete cascade,
    token_hash  char(64)    not null unique,
    email       varchar(254) not null,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    used_at     timestamptz
);
create index email_verifications_account_idx on email_verifications (account_id, created_at desc);
