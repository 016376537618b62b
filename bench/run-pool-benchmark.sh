#!/usr/bin/env bash
# Measures HikariCP (as dropwizard-hibernate-lite configures it) against tomcat-jdbc (as
# Dropwizard's DataSourceFactory builds it) on a real PostgreSQL and writes
# bench/results/pool-choice.md and bench/results/pool-benchmark-iterations.csv.
#
#   bench/run-pool-benchmark.sh            full run, about 14 minutes on 2 cores
#   bench/run-pool-benchmark.sh --quick    smoke run (seconds per benchmark), figures meaningless
#   other options: --rounds N (default 2), --skip-jmh, --skip-diagnostics, --out FILE, --csv FILE
#
# PostgreSQL: $HIBERNATE_LITE_BENCH_POSTGRES_URL, default
# jdbc:postgresql://127.0.0.1:5432/test?user=postgres. Everything it starts ends with it.
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -B -q -Pbench -pl bench -am package -DskipTests
mkdir -p bench/results
java -cp bench/target/benchmarks.jar dev.hibernatelite.bench.PoolChoiceReport \
    --out bench/results/pool-choice.md --csv bench/results/pool-benchmark-iterations.csv "$@" \
    2>&1 | tee bench/target/pool-benchmark.log
