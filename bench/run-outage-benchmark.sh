#!/usr/bin/env bash
# Issue 12's outage figures (docs/operations.md#measured): the bundle's application in a JVM of its
# own on a private PostgreSQL (the testing module's PrivatePostgres), 200 clients inserting rows,
# the database stopped for 10 s and started again. Prints OUTAGE lines and writes
# bench/results/outage.json. About 1 minute (plus the build).
#
#   bench/run-outage-benchmark.sh [--clients N] [--outage-seconds N]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Pbench -pl bench -am package -DskipTests
mkdir -p bench/results bench/target
java -Xmx1g -cp bench/target/benchmarks.jar dev.hibernatelite.bench.OutageBenchmark "$@" \
    2>&1 | tee bench/target/outage-benchmark.log
