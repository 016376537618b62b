#!/usr/bin/env bash
# Measures this bundle against dropwizard-hibernate (@UnitOfWork), hand-wired Hibernate and plain
# JDBC on a real PostgreSQL, and writes docs/benchmarks.md from the data it collects
# (bench/results/benchmarks.json). Phases:
#   counts    round trips and statements per request (PgWireCounter relay), same-JSON check
#   startup   cold starts with 2 and 200 entities
#   jmh       the per-request cost of the context and of db.session() vs a hand-written session
#   http      HTTP load with wrk (read one row, list 20 rows, an item's parts (one-to-many),
#             insert one row, a route without database), ONE APPLICATION AT A TIME: each round
#             starts every application in turn (A B C, then C B A, ...) and stops it before the
#             next; every route warmed, then measured; throughput, p50/p99, and the CPU per request
#             of the application and of its PostgreSQL backends (from /proc); the bundle
#             transactional (lite), @ReadOnly (lite-readonly) and reading from a standby
#             (lite-replica), against dwh, hibernate, hibernate-readonly and jdbc; the issue #11
#             targets, met or not
#   variants  the bundle with one default changed each, in the same rounds
#   profile   a JFR recording of each main application per route, in the last round, after all its
#             measurements (a recording slows the application for a while after it ends)
#
#   bench/run-benchmarks.sh            full run, about 95 minutes on 2 cores
#   bench/run-benchmarks.sh --quick    smoke run (about 15 minutes), figures meaningless; writes
#                                      bench/target/benchmarks-quick.{md,json}, never docs/
#
# Options (after the script name):
#   --rounds N            rounds of the HTTP phase (default 3; quick 2)
#   --app-warmup N        seconds of wrk on all the routes in turn each time an application starts,
#                         before the routes' own warm-ups (default 60)
#   --warmup N            least seconds of wrk warm-up per route, each time an application starts (default 20)
#   --max-warmup N        most (default 90): after the least, the warm-up goes on 5 s at a time while the
#                         JIT compiler's threads use 2% or more of the application's CPU, or its CPU per
#                         request still falls by 5% or more
#   --seconds N           seconds per measurement (default 10); --settle-ms N pause after each
#                         warm-up and each application (default 1000); --profile-seconds N (default 5)
#   --connections N       wrk connections, the concurrency (default 16); --wrk-threads N (default 2)
#   --pool-size N         every family's pool size (default 8)
#   --startup-reps N      cold starts per family and entity count (default 2)
#   --count-requests N    requests per route in the counts phase (default 100)
#   --proposed k=v,...    the bundle's proposed defaults, as engine properties
#                         (default hibernate.generate_statistics=false)
#   --skip a,b / --only a,b   phases: counts, startup, jmh, http, profile, variants
#   --families a,b        only these families (ids as in the report; lite always stays, as the reference)
#   --out FILE            report (default docs/benchmarks.md); --data FILE (default
#                         bench/results/benchmarks.json); --work-dir DIR; --keep-database (on
#                         $HIBERNATE_LITE_BENCH_POSTGRES_URL's server: a private server is deleted)
#   --render FILE.json    measure nothing: write the report again from a run's data
#
# Adding an application to the comparison is one line in Family.catalogue (http/Family.java).
#
# Needs wrk (apt-get install -y wrk). PostgreSQL: by default the run starts its own, a private
# PostgreSQL (the testing module's PrivatePostgres: zonky's binaries from Maven Central, no root or
# server configuration) and a hot standby of it (streaming replication, what lite-replica reads
# from), measures every family on that primary, and deletes both at the end. With
# $HIBERNATE_LITE_BENCH_POSTGRES_URL set it uses that server instead (it needs about 21 free
# connections), and measures lite-replica only if $HIBERNATE_LITE_BENCH_REPLICA_URL names a
# streaming standby of it. The run creates the database hl_bench and drops it at the end.
# Everything it starts ends with it.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${1:-}" == "--help" || "${1:-}" == "-h" ]]; then
  sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'
  exit 0
fi
if ! command -v wrk >/dev/null 2>&1 && [[ " $* " != *" --render "* ]]; then
  echo "run-benchmarks.sh: wrk is not installed; apt-get install -y wrk" >&2
  exit 1
fi

mvn -B -q -Pbench -pl bench -am package -DskipTests
mkdir -p bench/results bench/target
java -Xmx1g -cp bench/target/benchmarks.jar dev.hibernatelite.bench.BenchmarksReport "$@" \
    2>&1 | tee bench/target/benchmarks.log
