-- One service's own database and login role; idempotent (run it again to reset the password).
-- No other role may connect to the database: CONNECT is revoked from PUBLIC and granted to the
-- service's role only (superusers can always connect).
--   psql -X -v ON_ERROR_STOP=1 -v db=user_service -v role=user_service -v password=... -f provision-database.sql
-- Used by ./shop and by the isolation integration test, so both prove the same SQL.
\set ON_ERROR_STOP on
SELECT format('CREATE ROLE %I LOGIN', :'role')
	WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'role') \gexec
ALTER ROLE :"role" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD :'password';
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'role')
	WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
ALTER DATABASE :"db" OWNER TO :"role";
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"db" TO :"role";
