#!/usr/bin/env bash
# Profiles one application of the benchmark on one route with async-profiler, alone, after a long
# warm-up: where its CPU goes once the JIT compiler is done. docs/performance.md was written from
# these profiles.
#
#   HIBERNATE_LITE_BENCH_POSTGRES_URL='jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres' \
#     bench/profile-route.sh FAMILY ROUTE [WARMUP_SECONDS [SECONDS]]
#
#   FAMILY   lite, lite-readonly, dwh, hibernate, hibernate-readonly or jdbc (as in docs/benchmarks.md)
#   ROUTE    read, list, parts, insert or ping
#   WARMUP_SECONDS  wrk before anything is measured (default 90); SECONDS measured, then profiled (default 20)
#
# Prints throughput and the CPU per request of the application and of PostgreSQL (from /proc) for every 30 s of the
# warm-up and for the measurement, with the share of the JIT compiler's threads, then writes
# bench/target/profile-route/FAMILY-ROUTE.collapsed (one line per stack, with its samples) and
# FAMILY-ROUTE.html (a flame graph), and prints the samples per 1000 requests, the share of the
# JIT compiler, of HikariCP's hand-off spin, and of the frames of this bundle.
#
# Needs wrk, a PostgreSQL whose URL is in $HIBERNATE_LITE_BENCH_POSTGRES_URL (the first call
# creates and seeds the database hl_bench there and keeps it), and Maven Central for
# async-profiler's library (tools.profiler:async-profiler, fetched once). Sampling uses itimer, so
# it needs no perf_event permissions. $PROFILE_ROUTES picks another variant of the family's routes
# (BenchApp's bench.routes). $PROFILE_JVM_OPTIONS adds options to the application's JVM
# (for example -XX:+UnlockDiagnosticVMOptions -XX:+LogCompilation). Build first: the script runs bench/target/benchmarks.jar.
set -euo pipefail
cd "$(dirname "$0")/.."

family=${1:?family}; route=${2:?route}; warmup=${3:-90}; seconds=${4:-20}
: "${HIBERNATE_LITE_BENCH_POSTGRES_URL:?set it to a PostgreSQL server (its database hl_bench is created there)}"
case "$family" in
  lite) mode=lite; routes=commit ;;
  lite-readonly) mode=lite; routes=readOnly ;;
  hibernate-readonly) mode=hibernate; routes=readOnly ;;
  dwh|hibernate|jdbc) mode=$family; routes= ;;
  *) echo "profile-route.sh: unknown family '$family' (lite, lite-readonly, dwh, hibernate, hibernate-readonly, jdbc)" >&2; exit 2 ;;
esac
# $PROFILE_ROUTES picks another variant of the routes (bench.routes, see BenchApp), e.g. releaseBeforeWrite
routes=${PROFILE_ROUTES:-$routes}
jar=bench/target/benchmarks.jar
[[ -f $jar ]] || { echo "profile-route.sh: build first: mvn -B -Pbench -pl bench -am package -DskipTests" >&2; exit 2; }
out=bench/target/profile-route
mkdir -p "$out"

# async-profiler's library, from Maven Central
version=4.1
lib=$out/libasyncProfiler.so
if [[ ! -f $lib ]]; then
  mvn -B -q dependency:get -Dartifact=tools.profiler:async-profiler:$version
  unzip -q -o -j ~/.m2/repository/tools/profiler/async-profiler/$version/async-profiler-$version.jar \
      linux-x64/libasyncProfiler.so -d "$out"
fi

# the application's YAML and wrk scripts, and the seeded database, from a one-second run of the benchmark
seed=$out/seed-$family
app_yaml() { ls "$seed"/http 2>/dev/null | grep -E "^$family-[0-9]+\.yml$" | head -1; }
if [[ ! -d $seed/wrk || -z "$(app_yaml)" ]]; then
  java -Xmx1g -cp $jar dev.hibernatelite.bench.BenchmarksReport --only http --families "$family" --rounds 1 \
      --warmup 1 --max-warmup 1 --seconds 1 --settle-ms 100 --keep-database \
      --out "$seed/report.md" --data "$seed/data.json" --work-dir "$seed" > "$seed.log" 2>&1 \
      || { echo "profile-route.sh: the seeding run failed, see $seed.log" >&2; exit 1; }
fi
port=$(( 30000 + RANDOM % 20000 ))
yml=$out/$family.yml
sed -e "s/port: [0-9]*/port: $port/" "$seed/http/$(app_yaml)" > "$yml"

java -Xms512m -Xmx512m -XX:+UseG1GC ${PROFILE_JVM_OPTIONS:-} -Dbench.mode=$mode ${routes:+-Dbench.routes=$routes} -cp $jar \
    dev.hibernatelite.bench.app.BenchApp server "$yml" > "$out/$family.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 200); do
  curl -sf "http://127.0.0.1:$port/ping" >/dev/null 2>&1 && break
  sleep 0.3
done

export BENCH_ROWS=10000
drive() { wrk -t2 -c16 -d"$1"s -s "$seed/wrk/$route.lua" "http://127.0.0.1:$port"; }
# CPU ticks of the whole application, and of its JIT compiler threads alone
cpu() { awk '{print $14 + $15}' /proc/$pid/stat; }
# of those, the kernel's (system time: socket I/O, futexes, scheduling)
sys_cpu() { awk '{print $15}' /proc/$pid/stat; }
jit_cpu() {
  local t sum=0
  for t in /proc/$pid/task/*; do
    [[ $(cat "$t/comm" 2>/dev/null) == C[12]\ Compiler* ]] && sum=$((sum + $(awk '{print $14 + $15}' "$t/stat")))
  done
  echo $sum
}
# CPU ticks of every PostgreSQL process on this machine (the server of the URL is assumed local and
# otherwise idle; the pools are fixed-size, so their backends live through a measurement)
db_cpu() {
  local p sum=0
  for p in $(pgrep -x postgres); do
    sum=$((sum + $(awk '{print $14 + $15}' /proc/$p/stat 2>/dev/null || echo 0)))
  done
  echo $sum
}
# measure SECONDS LABEL: drives the route, prints throughput, CPU per request (the application's,
# PostgreSQL's) and the JIT compiler's share
measure() {
  local c0 s0 j0 d0 c1 s1 j1 d1 result requests micros errors
  c0=$(cpu); s0=$(sys_cpu); j0=$(jit_cpu); d0=$(db_cpu)
  result=$(drive "$1" | sed -n 's/^WRK-RESULT //p')
  c1=$(cpu); s1=$(sys_cpu); j1=$(jit_cpu); d1=$(db_cpu)
  requests=$(sed 's/.*"requests":\([0-9]*\).*/\1/' <<<"$result")
  micros=$(sed 's/.*"durationMicros":\([0-9]*\).*/\1/' <<<"$result")
  errors=$(sed 's/.*"errorsStatus":\([0-9]*\).*/\1/' <<<"$result")
  if [[ $errors != 0 ]]; then
    echo "profile-route.sh: $errors of $requests requests failed (HTTP status >= 400), see $out/$family.log" >&2
    exit 1
  fi
  awk -v r="$requests" -v us="$micros" -v c="$((c1 - c0))" -v k="$((s1 - s0))" -v j="$((j1 - j0))" -v d="$((d1 - d0))" -v hz="$(getconf CLK_TCK)" -v l="$2" \
      'BEGIN { printf "%s: %.0f req/s, CPU per request: application %.0f µs (%.0f in the kernel; JIT compiler threads %.0f%%), PostgreSQL %.0f µs\n", l, r / (us / 1e6), 1e6 * c / hz / r, 1e6 * k / hz / r, c ? 100 * j / c : 0, 1e6 * d / hz / r }'
}
# the warm-up, in steps of 30 s: how CPU per request falls while the JIT compiler works
for ((done = 0; done < warmup; done += 30)); do
  step=$(( warmup - done < 30 ? warmup - done : 30 ))
  measure "$step" "$family $route, warm-up $done-$((done + step)) s"
done
measure "$seconds" "$family $route"

jcmd $pid JVMTI.agent_load "$PWD/$lib" '"start,event=itimer,interval=1ms"' >/dev/null
profiled=$(drive "$seconds" | sed -n 's/^WRK-RESULT //p' | sed 's/.*"requests":\([0-9]*\).*/\1/')
jcmd $pid JVMTI.agent_load "$PWD/$lib" "\"dump,collapsed,file=$PWD/$out/$family-$route.collapsed\"" >/dev/null
jcmd $pid JVMTI.agent_load "$PWD/$lib" "\"stop,flamegraph,file=$PWD/$out/$family-$route.html\"" >/dev/null

awk -v req="$profiled" '
  { n = $NF; total += n
    if ($0 ~ /C2Compiler::compile_method|C1Compiler::compile_method/) jit += n
    if ($0 ~ /ConcurrentBag.requite/) spin += n
    if ($0 ~ /dev\/hibernatelite\/(HibernateLite|internal)/) bundle += n }
  END { printf "profile: %d samples, %.1f per 1000 requests; JIT compiler %.1f%%, HikariCP hand-off spin %.1f%%,", total, 1000 * total / req, 100 * jit / total, 100 * spin / total
        printf " stacks through this bundle %.1f%% (with the Hibernate and JDBC work it calls)\n", 100 * bundle / total }
' "$out/$family-$route.collapsed"
echo "written: $out/$family-$route.collapsed, $out/$family-$route.html"
