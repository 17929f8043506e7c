#!/usr/bin/env bash
# Bank statement benchmark: a BAI2 statement of N credit lines imported end to end (read and checked as
# it streams, its credits kept with COPY, then the import job's bank receipts with matching), against a
# raw COPY of the same credits into a scratch table in the same run.
# Usage: benchmarks/bai2.sh [credit lines, default 1000000]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl ear -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=Bai2Benchmark -Dbenchmark.lines="${1:-1000000}" -Dfailsafe.failIfNoSpecifiedTests=false -DskipEmptyInstallation=true \
    > target-benchmark.log 2>&1 || { echo "benchmark failed: see target-benchmark.log and ear/target/failsafe-reports" >&2; exit 1; }
# The benchmark runs inside the server, so its report is in the server log.
grep -A7 "BENCHMARK bank statement: [0-9]" ear/target/it-server/standalone/log/server.log | tail -8 | sed 's/.*\[stdout\] ([^)]*) //'
rm -f target-benchmark.log
