#!/usr/bin/env bash
# Settlement file benchmark: a processor's settlement file of N lines (card payments) uploaded and
# imported end to end (read and checked as it streams, kept with COPY, then the import job's receipts
# with matching), against a raw COPY of the same file into a scratch table in the same run.
# Usage: benchmarks/settlement.sh [lines, default 1000000]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl ear -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=SettlementBenchmark -Dbenchmark.lines="${1:-1000000}" -Dfailsafe.failIfNoSpecifiedTests=false -DskipEmptyInstallation=true \
    > target-benchmark.log 2>&1 || { echo "benchmark failed: see target-benchmark.log and ear/target/failsafe-reports" >&2; exit 1; }
# The benchmark runs inside the server, so its report is in the server log.
grep -A9 "BENCHMARK settlement file: [0-9]" ear/target/it-server/standalone/log/server.log | tail -10 | sed 's/.*\[stdout\] ([^)]*) //'
rm -f target-benchmark.log
