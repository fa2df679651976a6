-- Drops one service's database and login role (./shop down --purge); idempotent.
--   psql -X -v ON_ERROR_STOP=1 -v db=user_service -v role=user_service -f drop-database.sql
\set ON_ERROR_STOP on
DROP DATABASE IF EXISTS :"db" WITH (FORCE);
DROP ROLE IF EXISTS :"role";
