#!/usr/bin/env bash
# A throwaway PostgreSQL 15 for tests and benchmarks:
#
#   eval "$(scripts/throwaway-postgres.sh start)"   # prints export lines; state in a temp folder
#   scripts/throwaway-postgres.sh stop [FOLDER]     # FOLDER defaults to $THROWAWAY_POSTGRES_DIR
#
# initdb and pg_ctl in a temp folder, listening on 127.0.0.1 on a free port, with a database
# `media_archive`; Debian's postgresql package is installed first when missing. initdb refuses
# to run as root, so as root the server runs as the `postgres` user (created by the package).
# `start` prints MEDIA_ARCHIVE_CATALOGUE=postgres://… and THROWAWAY_POSTGRES_DIR (also in FOLDER/env).
set -euo pipefail

log() { echo "throwaway-postgres: $*" >&2; }

install_if_missing() {
  dpkg-query -W -f='${Status}' postgresql 2>/dev/null | grep -q "install ok installed" && return 0
  log "installing postgresql"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { log "error: run as root or install sudo to add postgresql"; exit 1; }
    sudo="sudo"
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends postgresql >/dev/null
}

# The newest installed server's programs (Debian keeps them out of PATH).
bin_dir() {
  local newest
  newest=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$newest" ] || { log "error: no PostgreSQL server programs under /usr/lib/postgresql"; exit 1; }
  echo "$newest"
}

# Runs a command as the folder's owner: `postgres` when we are root, else ourselves.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start() {
  install_if_missing
  local bin port started=$SECONDS
  bin=$(bin_dir)
  dir=$(mktemp -d /tmp/throwaway-postgres.XXXXXX)
  trap 'status=$?; if [ $status -ne 0 ]; then stop_folder "$dir"; fi' EXIT
  [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
  port=$(free_port)
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { log "error: initdb failed:"; cat "$dir/initdb.log" >&2; exit 1; }
  # Socket in the folder too: nothing is written to /var/run/postgresql.
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null \
    || { log "error: the server did not start:"; tail -n 20 "$dir/server.log" >&2; exit 1; }
  as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres media_archive
  log "PostgreSQL ready on 127.0.0.1:$port in $((SECONDS - started)) s (state in $dir)"
  cat >"$dir/env" <<ENV
export MEDIA_ARCHIVE_CATALOGUE=postgres://postgres@127.0.0.1:$port/media_archive
export THROWAWAY_POSTGRES_DIR=$dir
ENV
  cat "$dir/env"
  trap - EXIT
}

stop_folder() {
  local dir=$1
  [ -d "$dir" ] || return 0
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$(bin_dir)/pg_ctl" -D "$dir/data" -m fast -w -t 20 stop >/dev/null 2>&1 || {
      # A server that will not stop politely is stopped anyway: tests must leave nothing behind.
      local pid
      pid=$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null || true)
      [ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null || true
    }
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop)
    folder=${2:-${THROWAWAY_POSTGRES_DIR:-}}
    [ -n "$folder" ] || { log "error: name the folder 'start' printed (or set THROWAWAY_POSTGRES_DIR)"; exit 64; }
    case "$folder" in /tmp/throwaway-postgres.*) ;; *) log "error: $folder is not a throwaway-postgres folder"; exit 64 ;; esac
    stop_folder "$folder"
    ;;
  *) echo "usage: $0 start | stop [FOLDER]" >&2; exit 64 ;;
esac
