# Shared by bench/profile-route.sh and bench/compare-routes.sh (sourced, not run): starts one
# application of the benchmark alone on its own port, drives one route with wrk, and measures
# throughput and CPU per request from /proc. Expects to run from the repository's root.

jar=bench/target/benchmarks.jar
out=bench/target/profile-route
export BENCH_ROWS=10000

# family_mode FAMILY: sets $mode and $routes (BenchApp's bench.mode and bench.routes) for a family
# of docs/benchmarks.md; $PROFILE_ROUTES picks another variant of its routes (e.g. releaseBeforeWrite)
family_mode() {
  case "$1" in
    lite) mode=lite; routes=commit ;;
    lite-readonly) mode=lite; routes=readOnly ;;
    hibernate-readonly) mode=hibernate; routes=readOnly ;;
    dwh|hibernate|jdbc) mode=$1; routes= ;;
    *) echo "$(basename "$0"): unknown family '$1' (lite, lite-readonly, dwh, hibernate, hibernate-readonly, jdbc)" >&2
       exit 2 ;;
  esac
  routes=${PROFILE_ROUTES:-$routes}
}

# check_setup: the jar is built and the database URL is set
check_setup() {
  : "${HIBERNATE_LITE_BENCH_POSTGRES_URL:?set it to a PostgreSQL server (its database hl_bench is created there)}"
  [[ -f $jar ]] || { echo "$(basename "$0"): build first: mvn -B -Pbench -pl bench -am package -DskipTests" >&2; exit 2; }
  mkdir -p "$out"
}

# seed_family FAMILY: the application's YAML and wrk scripts, and the seeded database, from a
# one-second run of the benchmark (once; kept under $out/seed-FAMILY)
seed_family() {
  local family=$1 seed=$out/seed-$1
  if [[ ! -d $seed/wrk || -z "$(app_yaml "$family")" ]]; then
    java -Xmx1g -cp $jar dev.hibernatelite.bench.BenchmarksReport --only http --families "$family" --rounds 1 \
        --warmup 1 --max-warmup 1 --seconds 1 --settle-ms 100 --keep-database \
        --out "$seed/report.md" --data "$seed/data.json" --work-dir "$seed" > "$seed.log" 2>&1 \
        || { echo "$(basename "$0"): the seeding run failed, see $seed.log" >&2; exit 1; }
  fi
}

app_yaml() { ls "$out/seed-$1/http" 2>/dev/null | grep -E "^$1-[0-9]+\.yml$" | head -1; }

# start_app FAMILY: starts the family's application on a free port; sets $app_pid and $app_port
start_app() {
  local family=$1 yml=$out/$1.yml
  family_mode "$family"
  app_port=$(( 30000 + RANDOM % 20000 ))
  sed -e "s/port: [0-9]*/port: $app_port/" "$out/seed-$family/http/$(app_yaml "$family")" > "$yml"
  java -Xms512m -Xmx512m -XX:+UseG1GC ${PROFILE_JVM_OPTIONS:-} -Dbench.mode=$mode ${routes:+-Dbench.routes=$routes} \
      -cp $jar dev.hibernatelite.bench.app.BenchApp server "$yml" > "$out/$family.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 200); do
    curl -sf "http://127.0.0.1:$app_port/ping" >/dev/null 2>&1 && return 0
    sleep 0.3
  done
  echo "$(basename "$0"): $family did not answer /ping, see $out/$family.log" >&2
  exit 1
}

# drive FAMILY PORT ROUTE SECONDS: wrk as the benchmark runs it; prints wrk's output
drive() { wrk -t2 -c16 -d"$4"s -s "$out/seed-$1/wrk/$3.lua" "http://127.0.0.1:$2"; }

# CPU ticks of a process, of its kernel time alone, and of its JIT compiler threads
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
kernel_ticks() { awk '{print $15}' "/proc/$1/stat"; }
jit_ticks() {
  local t sum=0
  for t in /proc/$1/task/*; do
    [[ $(cat "$t/comm" 2>/dev/null) == C[12]\ Compiler* ]] && sum=$((sum + $(awk '{print $14 + $15}' "$t/stat")))
  done
  echo $sum
}
# CPU ticks of every PostgreSQL process on this machine (the server of the URL is assumed local and
# otherwise idle; the pools are fixed-size, so their backends live through a measurement)
db_ticks() {
  local p sum=0
  for p in $(pgrep -x postgres); do
    sum=$((sum + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0)))
  done
  echo $sum
}

# measure FAMILY PID PORT ROUTE SECONDS: drives the route and sets $m_rps, $m_app, $m_kernel, $m_db
# (CPU µs per request) and $m_jit (the JIT compiler threads' share of the application's CPU, %);
# exits when any request answered an HTTP error
measure() {
  local family=$1 pid=$2 c0 k0 j0 d0 c1 k1 j1 d1 result requests micros errors hz
  hz=$(getconf CLK_TCK)
  c0=$(cpu_ticks "$pid"); k0=$(kernel_ticks "$pid"); j0=$(jit_ticks "$pid"); d0=$(db_ticks)
  result=$(drive "$family" "$3" "$4" "$5" | sed -n 's/^WRK-RESULT //p')
  c1=$(cpu_ticks "$pid"); k1=$(kernel_ticks "$pid"); j1=$(jit_ticks "$pid"); d1=$(db_ticks)
  if [[ -z $result ]]; then
    echo "$(basename "$0"): wrk printed no result for $family $4 (is the application still up? see $out/$family.log)" >&2
    exit 1
  fi
  requests=$(sed 's/.*"requests":\([0-9]*\).*/\1/' <<<"$result")
  micros=$(sed 's/.*"durationMicros":\([0-9]*\).*/\1/' <<<"$result")
  errors=$(sed 's/.*"errorsStatus":\([0-9]*\).*/\1/' <<<"$result")
  if [[ $errors != 0 ]]; then
    echo "$(basename "$0"): $errors of $requests requests failed (HTTP status >= 400), see $out/$family.log" >&2
    exit 1
  fi
  read -r m_rps m_app m_kernel m_db m_jit < <(awk -v r="$requests" -v us="$micros" -v hz="$hz" \
      -v c="$((c1 - c0))" -v k="$((k1 - k0))" -v j="$((j1 - j0))" -v d="$((d1 - d0))" \
      'BEGIN { printf "%.0f %.0f %.0f %.0f %.0f\n", r / (us / 1e6), 1e6 * c / hz / r, 1e6 * k / hz / r, 1e6 * d / hz / r, c ? 100 * j / c : 0 }')
}

# print_measure LABEL: one line for the last measure
print_measure() {
  echo "$1: $m_rps req/s, CPU per request: application $m_app µs ($m_kernel in the kernel; JIT compiler threads $m_jit%), PostgreSQL $m_db µs"
}
