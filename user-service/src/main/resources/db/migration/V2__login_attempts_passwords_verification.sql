-- Login attempts, counted before the password is checked: per client address and e-mail
-- (an attacker's guesses delay only that attacker) and per e-mail (a guesser with many
-- addresses). Keys are SHA-256 hashes of what they count, so the table holds no e-mail
-- addresses or client addresses in clear. Replaces login_failures (a hard lock per e-mail
-- that anyone knowing the address could set off).
drop table login_failures;
create table login_attempts (
    kind            varchar(16) not null,
    key_hash        char(64)    not null,
    attempts        integer     not null check (attempts >= 0),
    last_attempt_at timestamptz not null,
    primary key (kind, key_hash)
);
create index login_attempts_last_idx on login_attempts (last_attempt_at);

-- BCP 47 language tags can be longer than 8 characters (de-CH-1996, zh-Hant-TW).
alter table accounts alter column language type varchar(35);
