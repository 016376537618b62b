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
# shellcheck source=route-load.sh
source bench/route-load.sh
check_setup
family_mode "$family"

# async-profiler's library, from Maven Central
version=4.1
lib=$out/libasyncProfiler.so
if [[ ! -f $lib ]]; then
  mvn -B -q dependency:get -Dartifact=tools.profiler:async-profiler:$version
  unzip -q -o -j ~/.m2/repository/tools/profiler/async-profiler/$version/async-profiler-$version.jar \
      linux-x64/libasyncProfiler.so -d "$out"
fi

seed_family "$family"
start_app "$family"
pid=$app_pid
trap 'kill $pid 2>/dev/null || true' EXIT

# the warm-up, in steps of 30 s: how CPU per request falls while the JIT compiler works
for ((done = 0; done < warmup; done += 30)); do
  step=$(( warmup - done < 30 ? warmup - done : 30 ))
  measure "$family" "$pid" "$app_port" "$route" "$step"
  print_measure "$family $route, warm-up $done-$((done + step)) s"
done
measure "$family" "$pid" "$app_port" "$route" "$seconds"
print_measure "$family $route"

jcmd $pid JVMTI.agent_load "$PWD/$lib" '"start,event=itimer,interval=1ms"' >/dev/null
profiled=$(drive "$family" "$app_port" "$route" "$seconds" | sed -n 's/^WRK-RESULT //p' | sed 's/.*"requests":\([0-9]*\).*/\1/')
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
