-- The rights of the service's two roles (created by 10-roles.sh). Plain SQL, run by the
-- superuser on the service's database; DatabaseRolesIT runs this very file.
DO $$
BEGIN
    EXECUTE format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database());
    -- CREATE on the database: Flyway's PostgreSQL-only migration creates the trusted pg_trgm extension.
    EXECUTE format('GRANT CONNECT, TEMPORARY, CREATE ON DATABASE %I TO leads_migrator', current_database());
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO leads_app', current_database());
END
$$;

-- Only the migration role creates objects; the runtime role may use what exists.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE, CREATE ON SCHEMA public TO leads_migrator;
GRANT USAGE ON SCHEMA public TO leads_app;

-- Every table and sequence the migration role creates, now or in a later migration, is open to
-- the runtime role for rows only: no ALTER, DROP, TRUNCATE, REFERENCES or TRIGGER.
ALTER DEFAULT PRIVILEGES FOR ROLE leads_migrator IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO leads_app;
ALTER DEFAULT PRIVILEGES FOR ROLE leads_migrator IN SCHEMA public
    GRANT USAGE, SELECT ON SEQUENCES TO leads_app;
