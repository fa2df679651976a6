-- Accounts: one aggregate with profile, default shipping address and preferences.
create table accounts (
    id                  uuid primary key,
    email               varchar(254) not null,
    password_hash       varchar(255) not null,
    full_name           varchar(200) not null,
    role                varchar(16)  not null check (role in ('CUSTOMER', 'ADMIN')),
    address_line1       varchar(200),
    address_line2       varchar(200),
    address_city        varchar(100),
    address_postal_code varchar(20),
    address_country     varchar(2),
    marketing_emails    boolean      not null default false,
    language            varchar(8)   not null default 'en',
    version             bigint       not null,
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null,
    constraint accounts_email_key unique (email)
);

-- Refresh tokens, stored as SHA-256 of the opaque token; rotation within a family.
create table refresh_tokens (
    id         uuid primary key,
    token_hash char(64)    not null unique,
    family_id  uuid        not null,
    account_id uuid        not null references accounts (id) on delete cascade,
    issued_at  timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz,
    revoked_at timestamptz
);
create index refresh_tokens_family_idx on refresh_tokens (family_id);
create index refresh_tokens_account_idx on refresh_tokens (account_id);

-- Failed logins per e-mail (known or not), for throttling.
create table login_failures (
    email             varchar(254) primary key,
    failures          integer     not null,
    window_started_at timestamptz not null,
    locked_until      timestamptz
);

-- The generated signing key, when none is configured; shared by every instance.
create table signing_keys (
    kid         varchar(64) primary key,
    private_key text        not null,
    created_at  timestamptz not null
);
