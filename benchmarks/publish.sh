#!/usr/bin/env bash
# Publishing benchmark: N final invoices published in one Review run, timed from the click to the
# last e-mail at the SMTP server. Same real server, PostgreSQL and SMTP as the integration tests.
# Usage: benchmarks/publish.sh [invoices, default 1000]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl ear -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=PublishBenchmark -Dbenchmark.invoices="${1:-1000}" -Dfailsafe.failIfNoSpecifiedTests=false -DskipEmptyInstallation=true \
    > target-benchmark.log 2>&1 || { echo "benchmark failed: see target-benchmark.log and ear/target/failsafe-reports" >&2; exit 1; }
# The benchmark runs inside the server, so its report is in the server log.
grep -A6 "BENCHMARK" ear/target/it-server/standalone/log/server.log | tail -7 | sed 's/.*\[stdout\] ([^)]*) //'
rm -f target-benchmark.log
