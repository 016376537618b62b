#!/usr/bin/env bash
# Measures HikariCP (as dropwizard-hibernate-lite configures it) against tomcat-jdbc (as
# Dropwizard's DataSourceFactory builds it) on a real PostgreSQL and writes
# bench/results/pool-choice.md, with its data in bench/results/pool-choice.json and every JMH
# iteration in bench/results/pool-benchmark-iterations.csv.
#
#   bench/run-pool-benchmark.sh            full run, about 14 minutes on 2 cores
#   bench/run-pool-benchmark.sh --quick    smoke run (seconds per benchmark), figures meaningless;
#                                          writes bench/target/pool-choice-quick.* instead
#   other options: --rounds N (default 2), --skip-jmh, --skip-diagnostics, --out FILE, --csv FILE,
#   --data FILE, --render FILE.json (write the page again from a run's data, measuring nothing)
#
# PostgreSQL: $HIBERNATE_LITE_BENCH_POSTGRES_URL, default
# jdbc:postgresql://127.0.0.1:5432/test?user=postgres. Everything it starts ends with it.
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -B -q -Pbench -pl bench -am package -DskipTests
mkdir -p bench/target
java -cp bench/target/benchmarks.jar dev.hibernatelite.bench.PoolChoiceReport "$@" \
    2>&1 | tee bench/target/pool-benchmark.log
