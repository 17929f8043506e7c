#!/usr/bin/env bash
# Signed webhooks on the large firm (benchmarks/firm.sh first): distinct payment events signed as the
# sandbox signs them, sent by wrk over 16 connections to /portal/webhooks/stripe for N seconds, each
# event once; then the ceiling of the same endpoint in the same run (an unsigned request, refused
# before its body is read: the JAX-RS stack and nothing of ours); then waits until every event taken
# is applied and checks that each was stored once, applied once, made one payment and one change.
# Usage: benchmarks/webhooks.sh [seconds, default 30] [events prepared, default 100000]
#        WEBHOOK_PAUSE_MS=10 benchmarks/webhooks.sh …   paced: each connection waits 10 ms before each
#        request (about 1,000 a second over the 16), rather than flat out
# Needs: apt-get install wrk
set -euo pipefail
cd "$(dirname "$0")"
SECS="${1:-30}"
EVENTS="${2:-100000}"
BASE="${BASE:-http://localhost:8080}"
DB="jdbc:postgresql://localhost:15432/quittance?user=postgres"
CP=../wildfly-config/target/classes:../wildfly-config/target/cli/postgresql.jar
curl -sf -o /dev/null "$BASE/portal/" || { echo "Quittance is not running: benchmarks/firm.sh first" >&2; exit 1; }
RUN="w$(date +%s)"
export WEBHOOK_EVENTS="${TMPDIR:-/tmp}/quittance-webhooks-$RUN.tsv"
trap 'rm -f "$WEBHOOK_EVENTS"' EXIT
java -cp "$CP" org.quittance.devserver.WebhookLoad prepare "$DB" "$RUN" "$EVENTS" "$WEBHOOK_EVENTS"
gc_from=$(./gc.sh lines)

echo "== signed webhooks, distinct events (wrk, 2 threads, 16 connections, ${SECS} s), run $RUN"
wrk -t2 -c16 -d"${SECS}s" -s webhooks.lua "$BASE" -- 2 | sed -n '/^answered/,$p'
./gc.sh "$gc_from"
echo "== ceiling: the same endpoint refusing unsigned requests (wrk, 2 threads, 16 connections, ${SECS} s)"
wrk -t2 -c16 -d"${SECS}s" --latency -s <(echo 'wrk.method = "POST"; wrk.body = "{}"') "$BASE/portal/webhooks/stripe" \
    | awk '/Requests\/sec/ {print "refused " $2 "/s"} / 50%/ {printf "p50 %s, ", $2} / 99%/ {print "p99 " $2}'
echo "== afterwards"
java -cp "$CP" org.quittance.devserver.WebhookLoad check "$DB" "$RUN" "$EVENTS"
