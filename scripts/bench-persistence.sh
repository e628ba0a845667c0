#!/usr/bin/env bash
# Culex's durable storage backends side by side: for each of memory (persistence false), file, sqlite and
# rocksdb, a fresh broker on a free loopback port with a fresh persistence_location, the same limits, and:
#   (a) durable QoS 1 throughput: 4 publishers -> 1 persistent subscriber (clean session off, so the broker
#       stores every message for it before acknowledging), msg/s and the broker's CPU per message (/proc);
#   (b) drain of a QoS 1 backlog queued for an offline persistent session (culex bench drain);
#   (c) restart: persistent sessions (one subscription each) and retained messages created through the
#       broker (culex bench sessions), SIGTERM, restart: process start to first CONNACK, and the broker's own
#       "Restored N persistent sessions and M retained messages ... in X ms" line.
# Prints one Markdown table (figure x backend, the median over the rounds), with the machine and the date.
#
# Needs: Linux (/proc), bash, awk, getconf, du, Java 17+ and the built jar
# (mvn -B -q -o -pl bootstrap -am package -DskipTests). Installs nothing.
#
# Environment:
#   QUICK=1          a smoke run of about a minute: small counts
#   ROUNDS=N         rounds over all backends (memory, file, sqlite, rocksdb, memory, ...); default 2, about
#                    4 minutes each at the default sizes on 2 cores; QUICK: 1
#   REPORT=file      print the table of an earlier run's raw figures (results.tsv, kept with KEEP=1, or
#                    several such files concatenated) without running anything
#   BACKENDS="..."   which backends, default "memory file sqlite rocksdb"
#   DURATION=10s     how long the throughput run publishes (QUICK: 2,000 messages per publisher instead)
#   DRAIN=N          drain backlog, default 100000 (QUICK 10000)
#   SESSIONS=N       persistent sessions for the restart, default 100000 (QUICK 2000)
#   RETAINED=N       retained messages for the restart, default 100000 (QUICK 2000)
#   JAR=path         the jar; default bootstrap/target/culex.jar
#   CULEX_JAVA_OPTS  JVM options for the broker; BENCH_JAVA_OPTS for culex bench
#   KEEP=1           keep the work directory (configurations, logs, stores, raw results)
set -euo pipefail

die() { echo "bench-persistence: $*" >&2; exit 1; }
say() { echo "bench-persistence: $*" >&2; }

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAR=${JAR:-$ROOT/bootstrap/target/culex.jar}
QUICK=${QUICK:-0}
BACKENDS=${BACKENDS:-memory file sqlite rocksdb}
if [[ $QUICK == 1 ]]; then ROUNDS=${ROUNDS:-1}; else ROUNDS=${ROUNDS:-2}; fi
if [[ $QUICK == 1 ]]; then
  TRAFFIC=(-m 2000); WARMUP=(); DRAIN=${DRAIN:-10000}; SESSIONS=${SESSIONS:-2000}; RETAINED=${RETAINED:-2000}
else
  TRAFFIC=(-d "${DURATION:-10s}"); WARMUP=(--warmup 2s)
  DRAIN=${DRAIN:-100000}; SESSIONS=${SESSIONS:-100000}; RETAINED=${RETAINED:-100000}
fi

# ---- what it needs ---------------------------------------------------------------------------------
[[ -r /proc/self/stat ]] || die "needs Linux /proc to read the broker's CPU time and memory."
for tool in awk getconf du; do command -v "$tool" >/dev/null || die "needs $tool."; done
JAVA=$(command -v java || true)
[[ -n $JAVA ]] || die "needs Java 17 or later: sudo apt-get install openjdk-17-jre-headless."
[[ -f $JAR ]] || die "needs the built jar $JAR: run 'mvn -B -q -o -pl bootstrap -am package -DskipTests' in $ROOT first."
for n in "$DRAIN" "$SESSIONS" "$RETAINED"; do [[ $n =~ ^[1-9][0-9]*$ ]] || die "DRAIN, SESSIONS and RETAINED must be whole numbers of at least 1."; done
for b in $BACKENDS; do [[ $b =~ ^(memory|file|sqlite|rocksdb)$ ]] || die "unknown backend '$b': memory, file, sqlite or rocksdb."; done
[[ $ROUNDS =~ ^[1-9][0-9]*$ ]] || die "ROUNDS must be a whole number of at least 1, not '$ROUNDS'."
CLK_TCK=$(getconf CLK_TCK)
MACHINE="$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $( (. /etc/os-release && echo "$PRETTY_NAME") 2>/dev/null || uname -s), $("$JAVA" -version 2>&1 | head -1)"

# The table: for each figure and backend, the median over the rounds of the raw figures in $1.
table() {
awk -F'\t' -v backends="$BACKENDS" -v traffic="${TRAFFIC[*]}" -v drain="$DRAIN" -v sessions="$SESSIONS" -v retained="$RETAINED" '
  function median(list,    n, a, i, j, t) {
    n = split(list, a, " ")
    if (n == 0) return ""
    for (i = 1; i <= n; i++) if (a[i] == "failed") return "failed"
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  function show(v) {
    if (v == "" || v == "null" || v == "nan") return "n/a"
    if (v == "failed") return "FAILED"
    if (v + 0 >= 1000) return sprintf("%.0f", v)
    if (v + 0 >= 10) return sprintf("%.1f", v)
    return sprintf("%.3g", v)
  }
  { values[$2, $3] = values[$2, $3] " " $4; if ($3 ~ /_lost$/ && $4 + 0 > 0) lost = lost "\nLOST: round " $1 " " $2 " " $3 " = " $4 }
  END {
    n = split(backends, b, " ")
    nrows = split("fanin_rate fanin_cpu fanin_p50 fanin_p99 fill_rate drain_rate drain_cpu sessions_rate retained_rate stop_ms store_mib restart_ms restore_ms restored_sessions restored_retained rss_after_mib startup_empty_ms", rows, " ")
    label["fanin_rate"] = "(a) 4 pub -> 1 persistent sub, QoS 1 (" traffic "): msg/s"
    label["fanin_cpu"] = "(a) broker CPU µs/msg"
    label["fanin_p50"] = "(a) latency p50 ms"
    label["fanin_p99"] = "(a) latency p99 ms"
    label["fill_rate"] = "(b) " drain " QoS 1 queued for an offline session: msg/s"
    label["drain_rate"] = "(b) drain on reconnect: msg/s"
    label["drain_cpu"] = "(b) broker CPU µs/msg (fill + drain)"
    label["sessions_rate"] = "(c) " sessions " persistent sessions created: sessions/s"
    label["retained_rate"] = "(c) " retained " retained QoS 1 messages stored: msg/s"
    label["stop_ms"] = "(c) SIGTERM to exit ms"
    label["store_mib"] = "(c) store on disk MiB"
    label["restart_ms"] = "(c) restart: process start to first CONNACK ms"
    label["restore_ms"] = "(c) restart: \"Restored ...\" ms"
    label["restored_sessions"] = "(c) sessions restored"
    label["restored_retained"] = "(c) retained messages restored"
    label["rss_after_mib"] = "(c) RSS after the restart MiB"
    label["startup_empty_ms"] = "empty store: process start to first CONNACK ms"
    header = "| figure |"; rule = "|---|"
    for (i = 1; i <= n; i++) { header = header " " b[i] " |"; rule = rule "---:|" }
    print header; print rule
    for (r = 1; r <= nrows; r++) {
      line = "| " label[rows[r]] " |"
      for (i = 1; i <= n; i++) line = line " " show(median(values[b[i], rows[r]])) " |"
      print line
    }
    if (lost != "") print lost
  }' "$1"
}

if [[ -n ${REPORT:-} ]]; then
  [[ -r $REPORT ]] || die "cannot read REPORT=$REPORT."
  echo "Culex persistence, $MACHINE (raw figures from $REPORT, $(awk -F'\t' '{r[$1]} END {print length(r)}' "$REPORT") round(s))"
  echo
  table "$REPORT"
  exit 0
fi

WORK=$(mktemp -d -t culex-persistence.XXXXXX)
# A copy of the jar: rebuilding the project during a run must not change the broker under it.
cp "$JAR" "$WORK/culex.jar"
RAW=$WORK/results.tsv
: >"$RAW"
BROKER_PID=""

cleanup() {
  if [[ -n $BROKER_PID ]] && kill -0 "$BROKER_PID" 2>/dev/null; then
    kill "$BROKER_PID" 2>/dev/null || true
    wait "$BROKER_PID" 2>/dev/null || true
  fi
  if [[ ${KEEP:-0} == 1 ]]; then say "work directory kept: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- helpers (as in bench-vs-mosquitto.sh) ------------------------------------------------------------
# A port below the ephemeral range, which the bench's many short connections use.
free_port() {
  local port low high
  read -r low high </proc/sys/net/ipv4/ip_local_port_range
  (( low > 11000 )) || die "the ephemeral port range starts at $low: no room below it for the broker's port."
  for _ in $(seq 1 200); do
    port=$((10000 + RANDOM % (low - 10000)))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  die "found no free loopback port."
}
cpu_ticks() { sed 's/.*) //' "/proc/$1/stat" | awk '{print $12 + $13}'; }
mem_kib() { awk -v key="$2:" '$1 == key {print $2}' "/proc/$1/status"; }
json() { sed -n "s/.*\"$2\":\([^,}]*\).*/\1/p" <<<"$1"; }

# A bare MQTT 3.1.1 CONNECT (clean session, its own client id); succeeds when a CONNACK comes back.
connack() {
  local reply
  reply=$( (exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
            printf '\x10\x11\x00\x04MQTT\x04\x02\x00\x3c\x00\x05probe' >&3
            timeout 1 head -c 2 <&3 | od -An -tx1 | tr -d ' \n') 2>/dev/null || true)
  [[ $reply == 2002 ]]
}

write_config() {
  local backend=$1 port=$2 dir=$3
  {
    echo "# Generated by scripts/bench-persistence.sh"
    echo "listener $port 127.0.0.1"
    echo "allow_anonymous true"
    if [[ $backend == memory ]]; then
      echo "persistence false"
    else
      echo "persistence true"
      echo "persistence_backend $backend"
      echo "persistence_location $dir/"
    fi
    # The limits of bench-vs-mosquitto.sh: no queue limit (the drain backlog fits), a window of 100.
    echo "max_inflight_messages 100"
    echo "max_queued_messages 0"
    echo "max_queued_bytes 0"
    echo "sys_interval 0"
    # information: the "Restored ..." line; no connection lines (100,000 sessions connect).
    echo "log_type error"
    echo "log_type warning"
    echo "log_type notice"
    echo "log_type information"
    echo "connection_messages false"
  } >"$WORK/$backend.conf"
}

# Starts the broker and waits for its first CONNACK; sets BROKER_PID and STARTUP_MS (process start to CONNACK).
start_broker() {
  local backend=$1 port=$2 log=$3 t0
  t0=$(date +%s%N)
  # shellcheck disable=SC2086
  "$JAVA" ${CULEX_JAVA_OPTS:-} -jar "$WORK/culex.jar" -c "$WORK/$backend.conf" >"$log" 2>&1 &
  BROKER_PID=$!
  until connack "$port"; do
    kill -0 "$BROKER_PID" 2>/dev/null || { cat "$log" >&2; die "$backend: the broker did not start."; }
    (( $(date +%s%N) - t0 < 300000000000 )) || die "$backend: no CONNACK within 300 s."
    sleep 0.005
  done
  STARTUP_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
}

# SIGTERM and wait; sets STOP_MS.
stop_broker() {
  local t0; t0=$(date +%s%N)
  kill -TERM "$BROKER_PID"
  wait "$BROKER_PID" 2>/dev/null || true
  STOP_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
  BROKER_PID=""
}

# record BACKEND METRIC VALUE, for the current ROUND
record() { printf '%s\t%s\t%s\t%s\n' "$ROUND" "$@" >>"$RAW"; }

bench() {
  # shellcheck disable=SC2086
  "$JAVA" ${BENCH_JAVA_OPTS:-} -jar "$WORK/culex.jar" bench "$@" -h 127.0.0.1 -p "$PORT" --json --threads 1
}

# Runs culex bench; sets OUT and the broker's CPU ticks spent in TICKS. False when bench could not run.
measured() {
  local before after status=0
  before=$(cpu_ticks "$BROKER_PID")
  OUT=$(bench "$@" 2>>"$WORK/bench.err") || status=$?
  after=$(cpu_ticks "$BROKER_PID")
  TICKS=$((after - before))
  if [[ $status -ne 0 && $status -ne 1 ]]; then
    say "culex bench $1 exited $status: $(tail -1 "$WORK/bench.err")"; return 1
  fi
  [[ $(json "$OUT" ok) == true ]] || say "culex bench $1: $(json "$OUT" failures) $(json "$OUT" notes)"
  return 0
}
per() { awk -v t="$1" -v hz="$CLK_TCK" -v n="$2" 'BEGIN {print (n > 0 ? t / hz * 1e6 / n : "nan")}'; }

run_backend() {
  local backend=$1 dir=$WORK/store-$backend-$ROUND log=$WORK/$backend-$ROUND.log
  mkdir -p "$dir"
  PORT=$(free_port)
  write_config "$backend" "$PORT" "$dir"
  start_broker "$backend" "$PORT" "$log"
  say "round $ROUND: $backend: started in $STARTUP_MS ms on port $PORT (pid $BROKER_PID)"
  record "$backend" startup_empty_ms "$STARTUP_MS"

  # (a) durable QoS 1 throughput
  if measured fanin --persistent --publishers 4 --subscribers 1 -q 1 "${TRAFFIC[@]}" "${WARMUP[@]}"; then
    record "$backend" fanin_rate "$(json "$OUT" received_per_s)"
    record "$backend" fanin_cpu "$(per "$TICKS" "$(json "$OUT" messages_received)")"
    record "$backend" fanin_p50 "$(json "$OUT" latency_p50_ms)"
    record "$backend" fanin_p99 "$(json "$OUT" latency_p99_ms)"
    record "$backend" fanin_lost "$(json "$OUT" lost)"
  else record "$backend" fanin_rate failed; fi
  say "$backend: fanin $(json "$OUT" received_per_s) msg/s"

  # (b) drain
  if measured drain -m "$DRAIN" -q 1; then
    record "$backend" fill_rate "$(json "$OUT" queue_fill_per_s)"
    record "$backend" drain_rate "$(json "$OUT" drain_per_s)"
    record "$backend" drain_cpu "$(per "$TICKS" "$DRAIN")"
    record "$backend" drain_lost "$(json "$OUT" lost)"
  else record "$backend" drain_rate failed; fi
  say "$backend: drain $(json "$OUT" drain_per_s) msg/s"

  # (c) sessions and retained messages, then a restart
  if measured sessions --connections "$SESSIONS" --retained "$RETAINED" -q 1; then
    record "$backend" sessions_rate "$(json "$OUT" sessions_per_s)"
    record "$backend" retained_rate "$(json "$OUT" retained_per_s)"
    [[ $(json "$OUT" sessions_created) == "$SESSIONS" && $(json "$OUT" retained_stored) == "$RETAINED" ]] \
      || say "$backend: created $(json "$OUT" sessions_created) sessions, $(json "$OUT" retained_stored) retained"
  else record "$backend" sessions_rate failed; fi
  say "$backend: $(json "$OUT" sessions_per_s) sessions/s, $(json "$OUT" retained_per_s) retained/s"
  record "$backend" rss_before_mib "$(awk -v k="$(mem_kib "$BROKER_PID" VmRSS)" 'BEGIN {print k / 1024}')"
  stop_broker
  record "$backend" stop_ms "$STOP_MS"
  record "$backend" store_mib "$(du -sk "$dir" | awk '{print $1 / 1024}')"
  start_broker "$backend" "$PORT" "$log.restart"
  record "$backend" restart_ms "$STARTUP_MS"
  local restored
  restored=$(grep -o 'Restored [0-9]* persistent sessions and [0-9]* retained messages from the [a-z]* store in [0-9]* ms' "$log.restart" || true)
  if [[ -n $restored ]]; then
    record "$backend" restored_sessions "$(awk '{print $2}' <<<"$restored")"
    record "$backend" restored_retained "$(awk '{print $6}' <<<"$restored")"
    record "$backend" restore_ms "$(awk '{print $(NF - 1)}' <<<"$restored")"
  fi
  sleep 1
  record "$backend" rss_after_mib "$(awk -v k="$(mem_kib "$BROKER_PID" VmRSS)" 'BEGIN {print k / 1024}')"
  say "$backend: restarted in $STARTUP_MS ms; ${restored:-no Restored line (not persisted)}"
  stop_broker
}

# ---- the runs -----------------------------------------------------------------------------------------
say "backends: $BACKENDS; $ROUNDS round(s)$([[ $QUICK == 1 ]] && echo ', QUICK'); drain $DRAIN, sessions $SESSIONS, retained $RETAINED; $MACHINE; work directory $WORK"
START=$(date +%s)
for ROUND in $(seq 1 "$ROUNDS"); do
  for backend in $BACKENDS; do run_backend "$backend"; done
done
say "done in $(( $(date +%s) - START )) s"

# ---- the table -----------------------------------------------------------------------------------------
echo "Culex persistence, $(date -u +%Y-%m-%d), $MACHINE; medians over $ROUNDS round(s)"
echo
table "$RAW"
echo
echo "memory = persistence false (nothing survives the restart). Raw figures: $RAW$([[ ${KEEP:-0} == 1 ]] || echo ' (deleted at exit; KEEP=1 keeps it)')."
