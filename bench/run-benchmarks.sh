#!/usr/bin/env bash
# Measures this bundle against dropwizard-hibernate (@UnitOfWork), hand-wired Hibernate and plain
# JDBC on a real PostgreSQL, and writes docs/benchmarks.md (plus bench/results/benchmarks-http.csv):
#   - round trips and statements per request (PgWireCounter relay), same-JSON check
#   - startup with 1 and 200 entities
#   - JMH: the per-request cost of the context and of db.session() vs a hand-written session
#   - HTTP load with wrk (read one row, list 20 rows, insert one row, a route without database):
#     all applications of a group run at once, wrk drives one at a time, A B C / C B A order
#   - the bundle's defaults one by one (variants), and a JFR profile of each application
#
#   bench/run-benchmarks.sh            full run, about 20 minutes on 2 cores
#   bench/run-benchmarks.sh --quick    smoke run (about 5 minutes), figures meaningless
#
# Options (after the script name):
#   --rounds N            A/B rounds per route in the main group (default 3)
#   --variant-rounds N    rounds in the variants group (default 2)
#   --seconds N           seconds per measurement (default 5); --warmup N (default 3)
#   --connections N       wrk connections, the concurrency (default 16); --wrk-threads N (default 2)
#   --pool-size N         every family's pool size (default 8)
#   --proposed k=v,...    the bundle's proposed defaults, as engine properties
#                         (default hibernate.generate_statistics=false)
#   --skip a,b / --only a,b   phases: counts, startup, jmh, http, profile, variants
#   --families a,b        only these families (ids as in the report; lite stays as the variants' reference)
#   --out FILE            report (default docs/benchmarks.md); --csv FILE; --keep-database
#
# Needs wrk (apt-get install -y wrk). PostgreSQL: $HIBERNATE_LITE_BENCH_POSTGRES_URL, default
# jdbc:postgresql://127.0.0.1:5432/test?user=postgres; the run creates the database hl_bench there
# and drops it at the end, and needs about 56 free connections. Everything it starts ends with it.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${1:-}" == "--help" || "${1:-}" == "-h" ]]; then
  sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'
  exit 0
fi
if ! command -v wrk >/dev/null 2>&1; then
  echo "run-benchmarks.sh: wrk is not installed; apt-get install -y wrk" >&2
  exit 1
fi

mvn -B -q -Pbench -pl bench -am package -DskipTests
mkdir -p bench/results bench/target
java -Xmx1g -cp bench/target/benchmarks.jar dev.hibernatelite.bench.BenchmarksReport "$@" \
    2>&1 | tee bench/target/benchmarks.log
