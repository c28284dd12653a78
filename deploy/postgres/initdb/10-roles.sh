#!/bin/sh
# Runs once, when the PostgreSQL container initializes an empty data directory: creates the
# service's two login roles with passwords read from the compose secrets. Their rights are in
# 20-grants.sql, which the image runs next (files run in name order).
#   leads_migrator  owns the schema; only the one-shot `db migrate` container logs in with it
#   leads_app       the running service: reads and writes rows, no DDL
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v migrator_password="$(cat /run/secrets/db_migrator_password)" \
    -v app_password="$(cat /run/secrets/db_app_password)" <<'SQL'
CREATE ROLE leads_migrator LOGIN PASSWORD :'migrator_password';
CREATE ROLE leads_app LOGIN PASSWORD :'app_password';
SQL
