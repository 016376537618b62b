#!/usr/bin/env bash
# Compares two applications of the benchmark on one route, measured in turn many times so that a
# drift of the machine lands on both: the same application measured 40 minutes apart on these 2
# shared cores differs by up to 25% (docs/performance.md, section 6), more than most of the
# differences the benchmark looks for.
#
#   HIBERNATE_LITE_BENCH_POSTGRES_URL='jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres' \
#     bench/compare-routes.sh ROUTE FAMILY_A FAMILY_B [WARMUP_SECONDS [SECONDS [PAIRS]]]
#
#   ROUTE    read, list, parts, insert or ping
#   FAMILY   lite, lite-readonly, dwh, hibernate, hibernate-readonly or jdbc (as in docs/benchmarks.md)
#   WARMUP_SECONDS  wrk on each application, alone, before anything is measured (default 150: on
#            2 shared cores the JIT compiler needs about two minutes for a route's code)
#   SECONDS  one measurement (default 10); PAIRS  measurements of each (default 8)
#
# Both applications run at once, but only one is loaded at a time: A is warmed while B is not
# started yet, then B is warmed while A idles (its compiler done, its heap quiet), then they are
# measured in turn, A B B A A B B A ..., each measurement a pair with the neighbouring one of the
# other. Prints every measurement (throughput, CPU per request of the application, of the kernel
# for it, of PostgreSQL), then the median over the pairs of the ratios A / B with the lowest and
# highest pair. Needs what bench/profile-route.sh needs, without async-profiler.
set -euo pipefail
cd "$(dirname "$0")/.."

route=${1:?route}; a=${2:?family A}; b=${3:?family B}; warmup=${4:-150}; seconds=${5:-10}; pairs=${6:-8}
[[ $a != "$b" ]] || { echo "compare-routes.sh: two different families, please (both were $a)" >&2; exit 2; }
# shellcheck source=route-load.sh
source bench/route-load.sh
check_setup
family_mode "$a"; family_mode "$b"
seed_family "$a"; seed_family "$b"

pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
warm() {
  local family=$1 pid=$2 port=$3 done step
  for ((done = 0; done < warmup; done += 30)); do
    step=$(( warmup - done < 30 ? warmup - done : 30 ))
    measure "$family" "$pid" "$port" "$route" "$step"
    print_measure "$family $route, warm-up $done-$((done + step)) s"
  done
}
start_app "$a"; pid_a=$app_pid; port_a=$app_port; pids+=("$pid_a")
warm "$a" "$pid_a" "$port_a"
start_app "$b"; pid_b=$app_pid; port_b=$app_port; pids+=("$pid_b")
warm "$b" "$pid_b" "$port_b"

rows=()
for ((i = 1; i <= pairs; i++)); do
  # A B, then B A: each application goes first in half of the pairs
  order=("a" "b"); (( i % 2 == 0 )) && order=("b" "a")
  for who in "${order[@]}"; do
    if [[ $who == a ]]; then measure "$a" "$pid_a" "$port_a" "$route" "$seconds"; print_measure "pair $i, $a $route"
      ra=("$m_rps" "$m_app" "$m_kernel" "$m_db")
    else measure "$b" "$pid_b" "$port_b" "$route" "$seconds"; print_measure "pair $i, $b $route"
      rb=("$m_rps" "$m_app" "$m_kernel" "$m_db")
    fi
  done
  rows+=("${ra[*]} ${rb[*]}")
done

printf '%s\n' "${rows[@]}" | awk -v a="$a" -v b="$b" -v route="$route" -v n="$pairs" '
  function median(x, k,   s, i, j, t) {
    for (i = 1; i <= k; i++) s[i] = x[i]
    for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (s[j] < s[i]) { t = s[i]; s[i] = s[j]; s[j] = t }
    lo = s[1]; hi = s[k]
    return k % 2 ? s[(k + 1) / 2] : (s[k / 2] + s[k / 2 + 1]) / 2
  }
  { rps[NR] = $1 / $5; app[NR] = $2 / $6; kern[NR] = ($7 ? $3 / $7 : 0); db[NR] = ($8 ? $4 / $8 : 0)
    sa += $1; sb += $5; ca += $2; cb += $6 }
  END {
    printf "\n%s, %s / %s, %d pairs (median of the per-pair ratios, [lowest-highest pair]):\n", route, a, b, n
    m = median(rps, n);  printf "  throughput            %.2f [%.2f-%.2f]   (mean %.0f vs %.0f req/s)\n", m, lo, hi, sa / n, sb / n
    m = median(app, n);  printf "  application CPU/req   %.2f [%.2f-%.2f]   (mean %.0f vs %.0f µs)\n", m, lo, hi, ca / n, cb / n
    m = median(kern, n); printf "  of it in the kernel   %.2f [%.2f-%.2f]\n", m, lo, hi
    m = median(db, n);   printf "  PostgreSQL CPU/req    %.2f [%.2f-%.2f]\n", m, lo, hi
  }'
