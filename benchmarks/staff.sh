#!/usr/bin/env bash
# The staff screens under load, on the large firm (run benchmarks/firm.sh first): N staff sessions
# (the demo administrator, signed in N times), each loading a screen a second for S seconds (hey's
# fixed rate, -q 1 per session), then the same N sessions each reloading as fast as it can (a closed
# loop per session): Review, Integrated Receipts, a client's page, the ledger of a client with 500
# invoices, Reports (the A/R aging over every client) and the audit trail.
# Reports requests, errors, p50/p99 per screen, requests/s, and what the GC did.
# Usage: benchmarks/staff.sh [sessions, default 10] [seconds, default 20]     Needs: apt-get install hey
set -euo pipefail
cd "$(dirname "$0")"
BASE="${BASE:-http://localhost:8080}"
USERS="${1:-10}"
SECS="${2:-20}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
gc_from=$(./gc.sh lines)
CLIENT=10000001   # the generated firm's first client: 500 invoices (large-firm.sql)

echo "Signing in $USERS staff sessions ..."
for k in $(seq 1 "$USERS"); do
    jar="$WORK/$k.jar"
    curl -s -c "$jar" -b "$jar" -o /dev/null "$BASE/staff/"
    curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "j_username=admin" --data-urlencode "j_password=admin-demo-2026" \
        "$BASE/staff/j_security_check"
    session=$(awk '$6 == "JSESSIONID" && $3 == "/staff" {print $7}' "$jar" | tail -1)
    page=$(curl -s -b "JSESSIONID=$session" "$BASE/staff/review.xhtml")
    [[ "$page" == *"Sign out"* ]] || { echo "session $k could not sign in" >&2; exit 1; }
    echo "$session" > "$WORK/$k.session"
done

report() { # name, seconds, csv files: one line per request (response-time in s, ..., status-code)
    local name=$1 secs=$2; shift 2
    cat "$@" | awk -F, '$1 ~ /^[0-9.]+$/ { print $1 * 1000, $7 }' | sort -n > "$WORK/all"
    awk -v name="$name" -v secs="$secs" '
        { t[NR] = $1; if ($2 != 200) err++ }
        END { if (NR == 0) { print name ": no answers"; exit }
              i50 = int(NR * 0.50) + 1; i99 = int(NR * 0.99); if (i99 < 1) i99 = 1
              printf "%-34s %6d requests %6.1f/s  errors %d  p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms\n",
                     name, NR, NR / secs, err + 0, t[i50], t[i99], t[NR] }' "$WORK/all"
}

load() { # name, path, rate per session (0: as fast as it can)
    local name=$1 path=$2 rate=$3
    rm -f "$WORK"/*.csv
    for k in $(seq 1 "$USERS"); do
        hey -z "${SECS}s" -c 1 -q "$rate" -o csv -H "Cookie: JSESSIONID=$(cat "$WORK/$k.session")" "$BASE$path" > "$WORK/$k.csv" 2>/dev/null &
    done
    wait
    report "$name" "$SECS" "$WORK"/*.csv
}

SCREENS=("Review:/staff/review.xhtml" "Integrated Receipts:/staff/receipts.xhtml" "client page:/staff/setup/client.xhtml?id=$CLIENT"
         "ledger, client of 500 invoices:/staff/ledger.xhtml?client=$CLIENT" "Reports (A/R aging):/staff/reports.xhtml"
         "audit trail:/staff/audit.xhtml")
echo "== $USERS staff sessions, a screen a second each, ${SECS} s per screen (hey -q 1)"
for screen in "${SCREENS[@]}"; do load "${screen%%:*}" "${screen#*:}" 1; done
echo "== $USERS staff sessions, each reloading as fast as it can, ${SECS} s per screen"
for screen in "${SCREENS[@]}"; do load "${screen%%:*}" "${screen#*:}" 0; done
./gc.sh "$gc_from"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GB; $(date -u +%F)"
