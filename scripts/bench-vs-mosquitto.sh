#!/usr/bin/env bash
# Culex against Debian's Mosquitto on this machine: the same culex bench scenarios against each broker,
# alternately (Culex, Mosquitto, Culex, Mosquitto, ...), with equivalent settings, each broker's CPU time
# and memory read from /proc, and one Markdown table at the end.
#
# Needs: Linux (/proc), bash, awk, getconf, Debian's mosquitto package (the broker), Java 17+ and the
# built jar (mvn -B -q package -DskipTests). Installs nothing.
#
# Environment:
#   ROUNDS=N        rounds of (Culex, Mosquitto); default 2, at least 1
#   QUICK=1         a smoke run of about a minute: small counts, one round unless ROUNDS is set
#   JAR=path        the jar to use; default bootstrap/target/culex.jar
#   CULEX_JAVA_OPTS JVM options for the Culex broker, added to those of the launcher bin/culex, which runs it
#   BENCH_JAVA_OPTS JVM options for culex bench
#   KEEP=1          keep the work directory (configurations, logs, raw results)
#   CONN_ONLY=1     only start-up and conn (idle memory, connect rate): a few seconds a round
set -euo pipefail

die() { echo "bench-vs-mosquitto: $*" >&2; exit 1; }
say() { echo "bench-vs-mosquitto: $*" >&2; }

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAR=${JAR:-$ROOT/bootstrap/target/culex.jar}
QUICK=${QUICK:-0}
if [[ $QUICK == 1 ]]; then ROUNDS=${ROUNDS:-1}; else ROUNDS=${ROUNDS:-2}; fi

# ---- what it needs ---------------------------------------------------------------------------------
[[ -r /proc/self/stat ]] || die "needs Linux /proc to read the brokers' CPU time and memory."
command -v awk >/dev/null || die "needs awk."
command -v getconf >/dev/null || die "needs getconf (libc-bin)."
MOSQUITTO=$(command -v mosquitto || true)
[[ -z $MOSQUITTO && -x /usr/sbin/mosquitto ]] && MOSQUITTO=/usr/sbin/mosquitto
[[ -n $MOSQUITTO ]] || die "needs Debian's Mosquitto broker: sudo apt-get install mosquitto (the service it starts is not used; this script starts its own on a free port)."
JAVA=$(command -v java || true)
[[ -n $JAVA ]] || die "needs Java 17 or later: sudo apt-get install openjdk-17-jre-headless."
[[ -f $JAR ]] || die "needs the built jar $JAR: run 'mvn -B -q package -DskipTests' in $ROOT first."
[[ $ROUNDS =~ ^[1-9][0-9]*$ ]] || die "ROUNDS must be a whole number of at least 1, not '$ROUNDS'."
CLK_TCK=$(getconf CLK_TCK)

# ---- sizes -------------------------------------------------------------------------------------------
if [[ $QUICK == 1 ]]; then
  TRAFFIC=(-m 2000); FANOUT_TRAFFIC=(-m 100); WARMUP=(); LATENCY_MESSAGES=1000
  CONNECTIONS=1000; HOLD=2s; DRAIN_MESSAGES=10000
else
  TRAFFIC=(-d 5s); FANOUT_TRAFFIC=(-d 5s); WARMUP=(--warmup 1s); LATENCY_MESSAGES=5000
  CONNECTIONS=10000; HOLD=5s; DRAIN_MESSAGES=100000
fi

# Each idle connection is one descriptor in the bench and one in the broker, which inherits this limit.
NEEDED_FDS=$((CONNECTIONS + 1000))
if (( $(ulimit -Sn) < NEEDED_FDS )); then
  HARD=$(ulimit -Hn)
  if [[ $HARD == unlimited ]] || (( HARD >= NEEDED_FDS )); then
    ulimit -Sn "$NEEDED_FDS"
    say "raised the open-files soft limit to $NEEDED_FDS for $CONNECTIONS idle connections."
  else
    ulimit -Sn "$HARD"
    CONNECTIONS=$((HARD - 1000))
    (( CONNECTIONS > 0 )) || die "the open-files hard limit ($HARD) is too low for the conn scenario; raise it (ulimit -Hn, limits.conf)."
    say "the open-files hard limit is $HARD: the conn scenario opens $CONNECTIONS connections instead of 10000 (raise it with limits.conf for the full run)."
  fi
fi

WORK=$(mktemp -d -t culex-vs-mosquitto.XXXXXX)
# A copy of the jar: rebuilding the project during a run must not change the running broker under it.
# Culex runs through a copy of its launcher beside it, with the launcher's JVM options and CDS archive.
cp "$JAR" "$WORK/culex.jar"
cp "$ROOT/bin/culex" "$WORK/culex"
RAW=$WORK/results.tsv
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

# ---- helpers -----------------------------------------------------------------------------------------
# A port below the ephemeral range: the thousands of bench connections (and their TIME_WAIT remains) use
# local ports from that range, and a listener cannot bind one of them.
free_port() {
  local port low high
  read -r low high </proc/sys/net/ipv4/ip_local_port_range
  (( low > 11000 )) || die "the ephemeral port range starts at $low: no room below it for the brokers' ports."
  for _ in $(seq 1 200); do
    port=$((10000 + RANDOM % (low - 10000)))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  die "found no free loopback port."
}

# utime + stime of a process, in clock ticks (fields 14 and 15 of /proc/PID/stat, counted after the command name).
cpu_ticks() { sed 's/.*) //' "/proc/$1/stat" | awk '{print $12 + $13}'; }
# VmRSS or VmHWM in KiB.
mem_kib() { awk -v key="$2:" '$1 == key {print $2}' "/proc/$1/status"; }
json() { sed -n "s/.*\"$2\":\([^,}]*\).*/\1/p" <<<"$1"; }

# Sends a bare MQTT 3.1.1 CONNECT and succeeds when a CONNACK (0x20 0x02 ...) comes back.
connack() {
  local reply
  reply=$( (exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
            printf '\x10\x11\x00\x04MQTT\x04\x02\x00\x3c\x00\x05probe' >&3
            timeout 1 head -c 2 <&3 | od -An -tx1 | tr -d ' \n') 2>/dev/null || true)
  [[ $reply == 2002 ]]
}

write_configs() {
  local port=$1
  # Equivalent settings. Neither broker persists anything (Culex keeps sessions in memory only; Mosquitto
  # with persistence false). The same in-flight window (100, so that culex bench's default --inflight 100
  # stays within Mosquitto's limit on incoming QoS 2 messages). No queue limit on either (0 = unlimited in
  # both): neither drops a QoS 1/2 message because a subscriber is behind, and the drain scenario's 100,000
  # messages fit; a broker that accepts faster than it delivers builds a backlog instead, which shows as
  # latency and RSS. No $SYS updates, and the same logging (errors and warnings, no connection lines).
  cat >"$WORK/culex.conf" <<EOF
# Generated by scripts/bench-vs-mosquitto.sh: the equivalent of mosquitto.conf beside it.
listener $port 127.0.0.1
allow_anonymous true
# No persistence key: Culex stores sessions in memory only (as Mosquitto with persistence false).
max_inflight_messages 100
max_queued_messages 0
max_queued_bytes 0
sys_interval 0
log_type error
log_type warning
connection_messages false
EOF
  cat >"$WORK/mosquitto.conf" <<EOF
# Generated by scripts/bench-vs-mosquitto.sh: the equivalent of culex.conf beside it.
listener $port 127.0.0.1
allow_anonymous true
persistence false
max_inflight_messages 100
max_queued_messages 0
max_queued_bytes 0
sys_interval 0
log_type error
log_type warning
connection_messages false
EOF
}

# Starts a broker, waits for its first CONNACK; sets BROKER_PID, STARTUP_MS and IDLE_RSS.
start_broker() {
  local name=$1 port=$2 t0 t1
  t0=$(date +%s%N)
  if [[ $name == culex ]]; then
    JAVA=$JAVA "$WORK/culex" -c "$WORK/culex.conf" >"$WORK/$name.log" 2>&1 &
  else
    "$MOSQUITTO" -c "$WORK/mosquitto.conf" >"$WORK/$name.log" 2>&1 &
  fi
  BROKER_PID=$!
  until connack "$port"; do
    kill -0 "$BROKER_PID" 2>/dev/null || { cat "$WORK/$name.log" >&2; die "$name did not start."; }
    (( $(date +%s%N) - t0 < 30000000000 )) || die "$name gave no CONNACK within 30 s."
    sleep 0.005
  done
  t1=$(date +%s%N)
  STARTUP_MS=$(( (t1 - t0) / 1000000 ))
  sleep 1
  IDLE_RSS=$(mem_kib "$BROKER_PID" VmRSS)
}

stop_broker() {
  kill "$BROKER_PID"
  wait "$BROKER_PID" 2>/dev/null || true
  BROKER_PID=""
}

# record ROUND BROKER SCENARIO METRIC VALUE
record() { printf '%s\t%s\t%s\t%s\t%s\n' "$@" >>"$RAW"; }

bench() {
  # shellcheck disable=SC2086
  "$JAVA" ${BENCH_JAVA_OPTS:-} -jar "$WORK/culex.jar" bench "$@" -h 127.0.0.1 -p "$PORT" --json --threads 1
}

# Runs one traffic scenario and records throughput, broker CPU per message, latency and RSS.
traffic() {
  local round=$1 name=$2 label=$3; shift 3
  local before after out status=0
  before=$(cpu_ticks "$BROKER_PID")
  out=$(bench "$@" 2>>"$WORK/bench.err") || status=$?
  after=$(cpu_ticks "$BROKER_PID")
  if [[ $status -ne 0 && $status -ne 1 ]]; then
    say "$name $label: culex bench exited $status: $(tail -1 "$WORK/bench.err")"
    record "$round" "$name" "$label" failed "exit $status"; return
  fi
  local received; received=$(json "$out" messages_received)
  record "$round" "$name" "$label" throughput "$(json "$out" received_per_s)"
  record "$round" "$name" "$label" cpu_us_per_msg \
    "$(awk -v t=$((after - before)) -v hz="$CLK_TCK" -v n="$received" 'BEGIN {print (n > 0 ? t / hz * 1e6 / n : "nan")}')"
  record "$round" "$name" "$label" p50_ms "$(json "$out" latency_p50_ms)"
  record "$round" "$name" "$label" p99_ms "$(json "$out" latency_p99_ms)"
  record "$round" "$name" "$label" lost "$(json "$out" lost)"
  record "$round" "$name" "$label" rss_mib "$(awk -v k="$(mem_kib "$BROKER_PID" VmRSS)" 'BEGIN {print k / 1024}')"
  [[ $(json "$out" ok) == true ]] || say "$name $label: $(json "$out" failures)"
}

conn() {
  local round=$1 name=$2 before_rss held_rss before after out errfile=$WORK/conn.err
  before_rss=$(mem_kib "$BROKER_PID" VmRSS)
  before=$(cpu_ticks "$BROKER_PID")
  : >"$errfile"
  bench conn --connections "$CONNECTIONS" --hold "$HOLD" >"$WORK/conn.out" 2>"$errfile" &
  local bench_pid=$!
  # Measure while the connections are held: culex bench says when they are all open.
  until grep -q "connections open" "$errfile"; do
    kill -0 "$bench_pid" 2>/dev/null || break
    sleep 0.05
  done
  sleep 0.5
  held_rss=$(mem_kib "$BROKER_PID" VmRSS)
  wait "$bench_pid" || true
  after=$(cpu_ticks "$BROKER_PID")
  out=$(cat "$WORK/conn.out")
  local connected; connected=$(json "$out" connected)
  if [[ -z $connected || $connected == 0 ]]; then
    say "$name conn: $(cat "$errfile" | tail -1)"; record "$round" "$name" conn failed 1; return
  fi
  record "$round" "$name" conn connect_rate "$(json "$out" connects_per_s)"
  record "$round" "$name" conn bytes_per_conn "$(awk -v a="$before_rss" -v b="$held_rss" -v n="$connected" 'BEGIN {print (b - a) * 1024 / n}')"
  record "$round" "$name" conn cpu_us_per_conn "$(awk -v t=$((after - before)) -v hz="$CLK_TCK" -v n="$connected" 'BEGIN {print t / hz * 1e6 / n}')"
  record "$round" "$name" conn rss_mib "$(awk -v k="$held_rss" 'BEGIN {print k / 1024}')"
  [[ $(json "$out" ok) == true ]] || say "$name conn: $(json "$out" failures)"
}

drain() {
  local round=$1 name=$2 before after out status=0
  before=$(cpu_ticks "$BROKER_PID")
  out=$(bench drain -m "$DRAIN_MESSAGES" 2>>"$WORK/bench.err") || status=$?
  after=$(cpu_ticks "$BROKER_PID")
  if [[ $status -ne 0 && $status -ne 1 ]]; then
    say "$name drain: culex bench exited $status: $(tail -1 "$WORK/bench.err")"
    record "$round" "$name" drain failed "exit $status"; return
  fi
  record "$round" "$name" drain drain_rate "$(json "$out" drain_per_s)"
  record "$round" "$name" drain drain_seconds "$(json "$out" drain_seconds)"
  record "$round" "$name" drain cpu_us_per_msg \
    "$(awk -v t=$((after - before)) -v hz="$CLK_TCK" -v n="$DRAIN_MESSAGES" 'BEGIN {print t / hz * 1e6 / n}')"
  record "$round" "$name" drain lost "$(json "$out" lost)"
  record "$round" "$name" drain rss_mib "$(awk -v k="$(mem_kib "$BROKER_PID" VmRSS)" 'BEGIN {print k / 1024}')"
  [[ $(json "$out" ok) == true ]] || say "$name drain: $(json "$out" failures)"
}

run_broker() {
  local round=$1 name=$2
  PORT=$(free_port)
  write_configs "$PORT"
  start_broker "$name" "$PORT"
  say "round $round: $name started in $STARTUP_MS ms on port $PORT (pid $BROKER_PID)"
  record "$round" "$name" startup startup_ms "$STARTUP_MS"
  record "$round" "$name" startup idle_rss_mib "$(awk -v k="$IDLE_RSS" 'BEGIN {print k / 1024}')"
  # conn first, on the fresh broker: after the traffic scenarios both processes hold freed memory that new
  # connections would reuse, and the RSS growth per connection would read as zero.
  conn "$round" "$name"
  if [[ ${CONN_ONLY:-0} == 1 ]]; then stop_broker; return; fi
  for qos in 0 1 2; do
    traffic "$round" "$name" "fanin 4->1 q$qos" fanin --publishers 4 --subscribers 1 -q "$qos" "${TRAFFIC[@]}" "${WARMUP[@]}"
  done
  for qos in 0 1 2; do
    traffic "$round" "$name" "fanout 1->100 q$qos" fanout --publishers 1 --subscribers 100 -q "$qos" "${FANOUT_TRAFFIC[@]}" "${WARMUP[@]}"
  done
  traffic "$round" "$name" "latency 1000/s q1" latency -q 1 --rate 1000 -m "$LATENCY_MESSAGES" "${WARMUP[@]}"
  drain "$round" "$name"
  record "$round" "$name" peak peak_rss_mib "$(awk -v k="$(mem_kib "$BROKER_PID" VmHWM)" 'BEGIN {print k / 1024}')"
  stop_broker
}

# The launcher's class-data-sharing archive is written when a broker run ends and used by every later start,
# as after an installation's first run: one short run with a few connections makes it before the measurements.
prepare_cds_archive() {
  PORT=$(free_port)
  write_configs "$PORT"
  start_broker culex "$PORT"
  bench conn --connections 100 --hold 1s >/dev/null 2>&1 || true
  stop_broker
  if [[ -f $WORK/culex.jsa ]]; then say "CDS archive written: $WORK/culex.jsa"; else say "no CDS archive was written."; fi
}

# ---- the runs -----------------------------------------------------------------------------------------
prepare_cds_archive
say "Culex $JAR vs $($MOSQUITTO -h 2>/dev/null | head -1); $ROUNDS round(s)$([[ $QUICK == 1 ]] && echo ', QUICK'); $(nproc) cores; work directory $WORK"
: >"$RAW"
START=$(date +%s)
for round in $(seq 1 "$ROUNDS"); do
  run_broker "$round" culex
  run_broker "$round" mosquitto
done
say "done in $(( $(date +%s) - START )) s"

# ---- the table: the median over the rounds of each figure, and Culex / Mosquitto ------------------------
awk -F'\t' -v rounds="$ROUNDS" '
  function median(list,    n, a, i, j, t) {
    n = split(list, a, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
    if (n == 0) return ""
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  function show(v) {
    if (v == "" || v == "null" || v == "nan") return "n/a"
    if (v + 0 >= 1000) return sprintf("%.0f", v)
    if (v + 0 >= 10) return sprintf("%.1f", v)
    return sprintf("%.3g", v)
  }
  BEGIN {
    label["throughput"] = "msg/s received"; label["cpu_us_per_msg"] = "broker CPU µs/msg"
    label["p50_ms"] = "latency p50 ms"; label["p99_ms"] = "latency p99 ms"; label["lost"] = "lost"
    label["rss_mib"] = "broker RSS MiB"; label["startup_ms"] = "start-up to first CONNACK ms"
    label["idle_rss_mib"] = "idle RSS MiB"; label["connect_rate"] = "connects/s"
    label["bytes_per_conn"] = "RSS growth bytes/connection"; label["cpu_us_per_conn"] = "broker CPU µs/connection"
    label["drain_rate"] = "drain msg/s"; label["drain_seconds"] = "drain s"; label["peak_rss_mib"] = "peak RSS (VmHWM) MiB"
    label["failed"] = "FAILED"
  }
  {
    key = $3 SUBSEP $4
    if (!(key in seen)) { seen[key] = 1; order[++n] = key; scen[n] = $3; met[n] = $4 }
    values[key, $2] = values[key, $2] " " $5
  }
  END {
    print "| scenario | figure | Culex | Mosquitto | Culex / Mosquitto |"
    print "|---|---|---:|---:|---:|"
    for (i = 1; i <= n; i++) {
      key = order[i]
      if (met[i] == "lost") {
        c = median(values[key, "culex"]); m = median(values[key, "mosquitto"])
        if (c + 0 == 0 && m + 0 == 0) continue   # shown only when something was lost
      }
      c = median(values[key, "culex"]); m = median(values[key, "mosquitto"])
      ratio = (c != "" && m != "" && m + 0 != 0 && c != "null" && m != "null") ? sprintf("%.2f", c / m) : "n/a"
      printf "| %s | %s | %s | %s | %s |\n", scen[i], (met[i] in label ? label[met[i]] : met[i]), show(c), show(m), ratio
    }
  }' "$RAW"
echo
echo "Medians over $ROUNDS round(s); raw figures per round: $RAW$([[ ${KEEP:-0} == 1 ]] || echo ' (deleted at exit; KEEP=1 keeps it)')."
