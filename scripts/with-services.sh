#!/usr/bin/env bash
# Runs a command with a throwaway Ceph RGW and a throwaway PostgreSQL beside it:
#
#   scripts/with-services.sh swift test
#
# Starts both (installing Debian's packages when missing), exports MEDIA_ARCHIVE_S3_ENDPOINT,
# AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_REGION and the database's address as
# MEDIA_ARCHIVE_TEST_CATALOGUE to the command, and stops both whichever way the command or this script ends (success, failure,
# Ctrl-C, kill). Exits with the command's status.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

[ $# -gt 0 ] || { echo "usage: $0 COMMAND [ARGUMENT…]" >&2; exit 64; }

ceph_dir="" postgres_dir="" command_pid=""
stop_services() {
  local status=$?
  trap - EXIT INT TERM
  # Killed while the command runs: end the command first, then the services it was using.
  if [ -n "$command_pid" ] && kill -0 "$command_pid" 2>/dev/null; then
    kill -TERM "$command_pid" 2>/dev/null || true
    wait "$command_pid" 2>/dev/null || true
  fi
  [ -n "$ceph_dir" ] && "$here/throwaway-ceph.sh" stop "$ceph_dir" || true
  [ -n "$postgres_dir" ] && "$here/throwaway-postgres.sh" stop "$postgres_dir" || true
  exit "$status"
}
trap stop_services EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

ceph_env=$("$here/throwaway-ceph.sh" start)
eval "$ceph_env"
ceph_dir=$THROWAWAY_CEPH_DIR
postgres_env=$("$here/throwaway-postgres.sh" start)
eval "$postgres_env"
postgres_dir=$THROWAWAY_POSTGRES_DIR
# Under another name: MEDIA_ARCHIVE_CATALOGUE would move every command the tests run (the CLI
# tests' too) onto PostgreSQL. The backend tests read this one and name the catalogue themselves.
export MEDIA_ARCHIVE_TEST_CATALOGUE=$MEDIA_ARCHIVE_CATALOGUE
unset MEDIA_ARCHIVE_CATALOGUE

# Not exec: the trap must outlive the command to stop the services after it. In the
# background with `wait`, because bash runs a TERM trap only after a foreground command ends.
set +e
"$@" &
command_pid=$!
wait "$command_pid"
status=$?
set -e
exit "$status"
