#!/usr/bin/env bash
# A throwaway single-node Ceph with an S3 gateway, for tests and benchmarks:
#
#   eval "$(scripts/throwaway-ceph.sh start)"   # prints export lines; state in a temp folder
#   scripts/throwaway-ceph.sh stop [FOLDER]     # FOLDER defaults to $THROWAWAY_CEPH_DIR
#
# One monitor, one OSD on memstore (data in RAM: no disk, no loop device) and radosgw (beast)
# on 127.0.0.1 only, all started by hand: no systemd, no cephadm, nothing outside the folder.
# Debian 12's packages (Ceph 16) are installed first when missing (about 50 s).
#
# `start` prints MEDIA_ARCHIVE_S3_ENDPOINT, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY,
# AWS_REGION and THROWAWAY_CEPH_DIR as export lines (also kept in FOLDER/env).
# CEPH_MEMSTORE_BYTES sizes the store (default 6 GiB): memstore hangs rather than fails when it
# is full, so it must hold everything a run writes at once.
set -euo pipefail

log() { echo "throwaway-ceph: $*" >&2; }

install_if_missing() {
  local packages=(ceph-mon ceph-osd radosgw ceph-common) missing=() package
  for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]} (about 50 s)"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { log "error: run as root or install sudo to add: ${missing[*]}"; exit 1; }
    sudo="sudo"
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# A port nobody listens on now (the kernel picks it; a race with another starter is unlikely
# and shows as a clear bind error in the log).
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

wait_for() { # wait_for SECONDS DESCRIPTION COMMAND...
  local seconds=$1 description=$2; shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    if [ $SECONDS -ge $deadline ]; then
      log "error: $description did not come up within ${seconds} s; logs in $dir/log"
      tail -n 20 "$dir"/log/*.log >&2 || true
      return 1
    fi
    sleep 0.2
  done
}

start() {
  install_if_missing
  dir=$(mktemp -d /tmp/throwaway-ceph.XXXXXX)
  # If anything below fails, leave nothing running and nothing behind.
  trap 'status=$?; if [ $status -ne 0 ] && [ -z "${THROWAWAY_CEPH_KEEP:-}" ]; then stop_folder "$dir"; fi' EXIT
  mkdir -p "$dir"/{run,log,mon/ceph-a,osd/ceph-0,rgw}
  local fsid mon_v2 mon_v1 rgw_port
  fsid=$(uuidgen)
  mon_v2=$(free_port); mon_v1=$(free_port); rgw_port=$(free_port)
  local memstore_bytes=${CEPH_MEMSTORE_BYTES:-$((6 << 30))}
  local conf="$dir/ceph.conf"

  cat >"$conf" <<EOF
[global]
fsid = $fsid
# The monitor speaks both protocols; clients of either kind must find it.
mon_host = [v2:127.0.0.1:$mon_v2,v1:127.0.0.1:$mon_v1]
public_network = 127.0.0.0/8
keyring = $dir/keyring
# Nothing but this machine reaches the daemons; reclaiming ids without a ticket is fine here.
auth_allow_insecure_global_id_reclaim = true
mon_warn_on_insecure_global_id_reclaim_allowed = false
# One OSD: pools of size 1, replicas chosen per OSD rather than per host.
osd_pool_default_size = 1
osd_pool_default_min_size = 1
mon_allow_pool_size_one = true
osd_crush_chooseleaf_type = 0
# radosgw creates seven pools; 32 PGs each would exceed mon_max_pg_per_osd on one OSD.
osd_pool_default_pg_num = 8
osd_pool_default_pgp_num = 8
osd_pool_default_pg_autoscale_mode = off
# Without these each pool creation waits about 2 s for the monitor's next proposal.
paxos_propose_interval = 0.1
paxos_min_wait = 0.01
mon_warn_on_pool_no_redundancy = false
# Everything the daemons write stays in the folder.
run_dir = $dir/run
admin_socket = $dir/run/\$cluster-\$name.asok
pid_file = $dir/run/\$cluster-\$name.pid
log_file = $dir/log/\$cluster-\$name.log
mon_data = $dir/mon/\$cluster-\$id
osd_data = $dir/osd/\$cluster-\$id
crash_dir = $dir/log
osd_objectstore = memstore
memstore_device_bytes = $memstore_bytes
# A test box has no spare disk to warn about.
mon_data_avail_warn = 1
mon_data_avail_crit = 0

[client.rgw.throwaway]
# endpoint= binds one address; port= would bind every interface.
# beast drops a connection after request_timeout_ms (65 s) without reading or writing; under a
# full test run the test process can leave a download unread that long (its 2 cooperative
# threads busy elsewhere), and the store then cut 12 MiB GETs short. Ten minutes here.
rgw_frontends = beast endpoint=127.0.0.1:$rgw_port request_timeout_ms=600000
rgw_data = $dir/rgw
EOF

  local started=$SECONDS
  # cephx keys for every daemon, in one keyring the monitor imports at mkfs. (With auth
  # "none" radosgw 16 cannot authenticate to the monitor at all.)
  ceph-authtool --create-keyring "$dir/keyring" --gen-key -n mon. --cap mon 'allow *' >/dev/null
  ceph-authtool "$dir/keyring" --gen-key -n client.admin \
    --cap mon 'allow *' --cap osd 'allow *' --cap mgr 'allow *' >/dev/null
  ceph-authtool "$dir/keyring" --gen-key -n osd.0 --cap mon 'allow profile osd' --cap osd 'allow *' >/dev/null
  ceph-authtool "$dir/keyring" --gen-key -n client.rgw.throwaway --cap mon 'allow rw' --cap osd 'allow rwx' >/dev/null
  monmaptool --create --fsid "$fsid" --addv a "[v2:127.0.0.1:$mon_v2,v1:127.0.0.1:$mon_v1]" "$dir/monmap" >/dev/null
  ceph-mon -c "$conf" --mkfs -i a --monmap "$dir/monmap" --keyring "$dir/keyring" >/dev/null 2>&1
  ceph-mon -c "$conf" -i a 2>>"$dir/log/start.log"
  wait_for 30 "the monitor" ceph -c "$conf" --connect-timeout 2 mon stat

  local osd_uuid osd_id
  osd_uuid=$(uuidgen)
  osd_id=$(ceph -c "$conf" --connect-timeout 10 osd new "$osd_uuid")
  ceph-osd -c "$conf" -i "$osd_id" --mkfs --osd-uuid "$osd_uuid" >/dev/null 2>&1
  ceph-osd -c "$conf" -i "$osd_id" 2>>"$dir/log/start.log"
  wait_for 30 "the OSD" bash -c "ceph -c '$conf' --connect-timeout 5 osd dump | grep -q '^osd.$osd_id up'"

  radosgw -c "$conf" -n client.rgw.throwaway 2>>"$dir/log/start.log"
  wait_for 60 "radosgw" curl -sf "http://127.0.0.1:$rgw_port/"

  local access_key secret_key
  access_key=$(python3 -c 'import secrets, string; print("".join(secrets.choice(string.ascii_uppercase + string.digits) for _ in range(20)))')
  secret_key=$(python3 -c 'import secrets; print(secrets.token_urlsafe(30))')
  radosgw-admin -c "$conf" user create --uid=media-archive \
    --display-name="MediaArchive tests" --access-key="$access_key" --secret-key="$secret_key" >/dev/null
  log "Ceph RGW ready at http://127.0.0.1:$rgw_port in $((SECONDS - started)) s (state in $dir)"

  cat >"$dir/env" <<EOF
export MEDIA_ARCHIVE_S3_ENDPOINT=http://127.0.0.1:$rgw_port
export AWS_ACCESS_KEY_ID=$access_key
export AWS_SECRET_ACCESS_KEY=$secret_key
export AWS_REGION=us-east-1
export THROWAWAY_CEPH_DIR=$dir
EOF
  cat "$dir/env"
  trap - EXIT
}

# Stops every daemon the folder's pid files name (TERM, then KILL after 10 s) and removes it.
stop_folder() {
  local dir=$1 pidfile pid pids=()
  [ -d "$dir" ] || return 0
  for pidfile in "$dir"/run/*.pid; do
    [ -e "$pidfile" ] || continue
    pid=$(cat "$pidfile")
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && pids+=("$pid")
  done
  [ ${#pids[@]} -gt 0 ] && kill -TERM "${pids[@]}" 2>/dev/null || true
  local deadline=$((SECONDS + 10))
  for pid in "${pids[@]}"; do
    while kill -0 "$pid" 2>/dev/null; do
      if [ $SECONDS -ge $deadline ]; then kill -KILL "$pid" 2>/dev/null || true; fi
      sleep 0.1
    done
  done
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop)
    folder=${2:-${THROWAWAY_CEPH_DIR:-}}
    [ -n "$folder" ] || { log "error: name the folder 'start' printed (or set THROWAWAY_CEPH_DIR)"; exit 64; }
    case "$folder" in /tmp/throwaway-ceph.*) ;; *) log "error: $folder is not a throwaway-ceph folder"; exit 64 ;; esac
    stop_folder "$folder"
    ;;
  *) echo "usage: $0 start | stop [FOLDER]" >&2; exit 64 ;;
esac
