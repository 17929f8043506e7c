#!/usr/bin/env bash
# Publishing benchmark: N final invoices published in one Review run, timed from the click to the
# last e-mail at the SMTP server. Same real server, PostgreSQL and SMTP as the integration tests.
# Usage: benchmarks/publish.sh [invoices, default 1000]   (build first: mvn install -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl ear verify -Dit.test=PublishBenchmark -Dbenchmark.invoices="${1:-1000}" -Dfailsafe.failIfNoSpecifiedTests=false \
    | grep -A6 '^BENCHMARK' || { echo "benchmark failed: see ear/target/failsafe-reports" >&2; exit 1; }
