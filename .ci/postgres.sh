# Starts a throw-away PostgreSQL cluster on 127.0.0.1 for the journal tests and exports DUI_TEST_PG_URL.
# Installs Debian's postgresql and openssl when missing. Safe to source more than once.
start_test_postgres() {
  if [ -n "${DUI_TEST_PG_URL:-}" ]; then return 0; fi
  if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || ! command -v openssl >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq postgresql openssl >/dev/null
  fi
  local bin; bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  local data; data=$(mktemp -d /tmp/dui-pg.XXXXXX)
  local port=55432
  # Another cluster (an earlier run on this machine) may hold the port: take the next free one.
  while (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; do port=$((port + 1)); done
  chown postgres "$data"
  su postgres -s /bin/sh -c "$bin/initdb -D $data -U dui --auth=trust -E UTF8 >/dev/null"
  su postgres -s /bin/sh -c "$bin/pg_ctl -D $data -l $data/log -o '-h 127.0.0.1 -p $port -k $data' -w start >/dev/null"
  su postgres -s /bin/sh -c "$bin/createdb -h 127.0.0.1 -p $port -U dui dui_test"
  export DUI_TEST_PG_URL="jdbc:postgresql://127.0.0.1:$port/dui_test"
  export DUI_TEST_PG_USER=dui
  echo "PostgreSQL for the journal tests: $DUI_TEST_PG_URL"
}
