#!/usr/bin/env bash
# Installs (when missing) and starts a local PostgreSQL cluster from Debian's packages for the audit tests,
# creates a role and database, and prints the connection URL as an export line on stdout (everything else
# goes to stderr). Listens on 127.0.0.1 only. Safe to run as root: the server runs as the postgres user.
#
#   eval "$(bash scripts/start-postgres.sh)"   # exports STRONK_GATEWAY_TEST_POSTGRES_URL
set -euo pipefail

DB_NAME="${STRONK_TEST_PG_DB:-stronk_audit_test}"
DB_USER="${STRONK_TEST_PG_USER:-stronk}"
DB_PASSWORD="${STRONK_TEST_PG_PASSWORD:-stronk-test-only}"

have_server() { compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null; }

if ! have_server || ! command -v pg_ctlcluster >/dev/null 2>&1; then
  if [ "$(id -u)" != 0 ]; then
    echo "start-postgres: PostgreSQL is not installed and this is not root; install the postgresql package" >&2
    exit 1
  fi
  echo "start-postgres: installing postgresql (apt-get)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update >&2
  apt-get install -y postgresql >&2
fi

VERSION="$(ls /usr/lib/postgresql | sort -V | tail -1)"
CLUSTER=main
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$VERSION $CLUSTER"; then
  echo "start-postgres: creating cluster $VERSION/$CLUSTER" >&2
  pg_createcluster "$VERSION" "$CLUSTER" >&2
fi
PORT="$(pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1==v && $2==c {print $3}')"
STATUS="$(pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1==v && $2==c {print $4}')"
if [ "$STATUS" != online ]; then
  echo "start-postgres: starting cluster $VERSION/$CLUSTER on 127.0.0.1:$PORT" >&2
  pg_ctlcluster "$VERSION" "$CLUSTER" start -- -o "-c listen_addresses=127.0.0.1" >&2 ||
    pg_ctlcluster "$VERSION" "$CLUSTER" start >&2
fi

for _ in $(seq 1 60); do
  if pg_isready -q -h 127.0.0.1 -p "$PORT"; then break; fi
  sleep 0.5
done
pg_isready -h 127.0.0.1 -p "$PORT" >&2

as_postgres() { runuser -u postgres -- "$@" 2>/dev/null || su postgres -s /bin/sh -c "$(printf '%q ' "$@")"; }
psql_admin() { as_postgres psql -v ON_ERROR_STOP=1 -qAt -p "$PORT" -d postgres "$@"; }

if [ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = '$DB_USER'")" != 1 ]; then
  psql_admin -c "CREATE ROLE \"$DB_USER\" LOGIN PASSWORD '$DB_PASSWORD'" >&2
else
  psql_admin -c "ALTER ROLE \"$DB_USER\" LOGIN PASSWORD '$DB_PASSWORD'" >&2
fi
if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")" != 1 ]; then
  psql_admin -c "CREATE DATABASE \"$DB_NAME\" OWNER \"$DB_USER\"" >&2
fi

URL="postgres://$DB_USER:$DB_PASSWORD@127.0.0.1:$PORT/$DB_NAME"
echo "start-postgres: ready at postgres://$DB_USER:***@127.0.0.1:$PORT/$DB_NAME" >&2
echo "export STRONK_GATEWAY_TEST_POSTGRES_URL='$URL'"
