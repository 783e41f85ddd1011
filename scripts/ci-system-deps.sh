#!/usr/bin/env bash
# System dependencies for the web tests, installed idempotently with apt-get:
#   * chromium   (Debian's build, driven by Playwright with executable_path=/usr/bin/chromium)
#   * postgresql (a local server on 127.0.0.1 with a throw-away database and user for the tests)
# Prints the line to export for the PostgreSQL tests; sets nothing secret (the test user's
# password is a fixed, loopback-only value that protects nothing).
#
#   eval "$(scripts/ci-system-deps.sh | tail -1)"   # -> export HEARD_TEST_POSTGRES_URL=...
set -euo pipefail

PG_PORT="${HEARD_PG_PORT:-5432}"
PG_USER="heard_test"
PG_DB="heard_test"
PG_PASSWORD="heard_test"

log() { echo "ci-system-deps: $*" >&2; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null || missing+=(postgresql)
if [ "${#missing[@]}" -gt 0 ]; then
  log "installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
else
  log "chromium and postgresql already installed"
fi

version="$(ls /usr/lib/postgresql | sort -V | tail -1)"
# Debian creates the "main" cluster on install; create it if an image removed it.
if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -qx "$version main"; then
  log "creating cluster $version/main"
  as_root pg_createcluster "$version" main -p "$PG_PORT" >&2
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $4}' | grep -qx online; then
  log "starting PostgreSQL $version on 127.0.0.1:$PG_PORT"
  as_root pg_ctlcluster "$version" main start -- -o "-c listen_addresses=127.0.0.1 -c port=$PG_PORT" >&2 \
    || as_root pg_ctlcluster "$version" main start >&2
fi
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p "$PG_PORT" && break
  sleep 1
done
pg_isready -h 127.0.0.1 -p "$PG_PORT" >&2

psql_admin() { as_root runuser -u postgres -- psql -p "$PG_PORT" -v ON_ERROR_STOP=1 -qtA "$@"; }
if [ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = '$PG_USER'")" != "1" ]; then
  log "creating role $PG_USER"
  psql_admin -c "CREATE ROLE $PG_USER LOGIN PASSWORD '$PG_PASSWORD'"
fi
if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'")" != "1" ]; then
  log "creating database $PG_DB"
  psql_admin -c "CREATE DATABASE $PG_DB OWNER $PG_USER"
fi
echo "export HEARD_TEST_POSTGRES_URL=postgresql://$PG_USER:$PG_PASSWORD@127.0.0.1:$PG_PORT/$PG_DB"
