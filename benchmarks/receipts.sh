#!/usr/bin/env bash
# Receipt benchmark: N settled card payments in the sandbox processor (no notifications), imported by
# the receipt-import job end to end (HTTP listing, matching, writing, checkpoints); then Accept
# Selected for 1,000 receipts that each pay an invoice.
# Usage: benchmarks/receipts.sh [transactions, default 100000]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl ear -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ReceiptBenchmark -Dbenchmark.transactions="${1:-100000}" -Dfailsafe.failIfNoSpecifiedTests=false -DskipEmptyInstallation=true \
    > target-benchmark.log 2>&1 || { echo "benchmark failed: see target-benchmark.log and ear/target/failsafe-reports" >&2; exit 1; }
# The benchmark runs inside the server, so its report is in the server log.
grep -A5 "BENCHMARK receipts" ear/target/it-server/standalone/log/server.log | tail -6 | sed 's/.*\[stdout\] ([^)]*) //'
rm -f target-benchmark.log
