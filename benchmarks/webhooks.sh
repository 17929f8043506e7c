#!/usr/bin/env bash
# Webhook benchmark: N distinct signed Stripe events, each sent twice by 8 concurrent senders to
# /portal/webhooks/stripe on the test server; reports accepted/s, p50/p99 answer times, and checks
# that each event was stored and applied exactly once.
# Usage: benchmarks/webhooks.sh [events, default 5000]   (build first: mvn install -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl ear verify -Dit.test=WebhookBenchmark -Dbenchmark.events="${1:-5000}" -Dfailsafe.failIfNoSpecifiedTests=false \
    > target-benchmark.log 2>&1 || { echo "benchmark failed: see target-benchmark.log and ear/target/failsafe-reports" >&2; exit 1; }
# The benchmark runs inside the server, so its report is in the server log.
grep -A6 "BENCHMARK webhooks" ear/target/it-server/standalone/log/server.log | tail -7 | sed 's/.*\[stdout\] ([^)]*) //'
rm -f target-benchmark.log
