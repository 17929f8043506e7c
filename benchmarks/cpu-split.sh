#!/usr/bin/env bash
# Where a page's CPU goes, flat out: the JVM (WildFly), PostgreSQL and the rest (wrk, the kernel's
# share of both), per request, from /proc over one wrk run. A JVM profile sees only the first; on the
# large firm PostgreSQL once took half of the portal home's CPU (benchmarks/README.md).
# Signs in a client of the large firm (run benchmarks/firm.sh first; CLIENT=k, default 1: the first and
# largest, 550 invoices; a typical one has 50) and loads a portal page.
# Usage: [CLIENT=k] benchmarks/cpu-split.sh [path, default /portal/] [seconds, default 20]    Needs: apt-get install wrk
set -euo pipefail
BASE="${BASE:-http://localhost:8080}"
PAGE="${1:-/portal/}"
CLIENT="${CLIENT:-1}"
[[ $CLIENT =~ ^[1-9][0-9]{0,5}$ ]] || { echo "CLIENT is a client's number, 1 to 20000" >&2; exit 2; }
SECS="${2:-20}"
JAR="$(mktemp)"
trap 'rm -f "$JAR"' EXIT

curl -s -c "$JAR" -b "$JAR" -o /dev/null "$BASE/portal/"
curl -s -c "$JAR" -b "$JAR" -o /dev/null --data-urlencode "j_username=contact0.c$CLIENT@client$CLIENT.example" \
    --data-urlencode "j_password=portal-demo-2026" "$BASE/portal/j_security_check"
session=$(awk '$6 == "JSESSIONID" && $3 == "/portal" {print $7}' "$JAR" | tail -1)
# A failed sign-in would measure the sign-in page instead.
if curl -s -H "Cookie: JSESSIONID=$session" "$BASE$PAGE" | grep -q j_security_check; then
    echo "client $CLIENT could not sign in (is the large firm running? benchmarks/firm.sh start)" >&2
    exit 1
fi

ticks() { # user + system clock ticks of the processes whose command line matches
    local sum=0 p
    for p in $(pgrep -f "$1"); do
        sum=$((sum + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0)))
    done
    echo "$sum"
}
busy() { awk '/^cpu / {print $2 + $3 + $4 + $6 + $7 + $8}' /proc/stat; }

j0=$(ticks jboss-modules); p0=$(ticks postgres); b0=$(busy)
out=$(wrk -t2 -c16 -d"${SECS}s" --latency -H "Cookie: JSESSIONID=$session" "$BASE$PAGE")
j1=$(ticks jboss-modules); p1=$(ticks postgres); b1=$(busy)
rps=$(awk '/Requests\/sec/ {print $2}' <<< "$out")
hz=$(getconf CLK_TCK)
awk -v page="$PAGE" -v client="$CLIENT" -v rps="$rps" -v s="$SECS" -v hz="$hz" -v cores="$(nproc)" -v j=$((j1 - j0)) -v p=$((p1 - p0)) -v b=$((b1 - b0)) 'BEGIN {
    n = rps * s
    printf "%s (client %s): %.1f req/s; CPU busy %.1f of %d core-seconds\n", page, client, rps, b / hz, cores * s
    printf "per request: WildFly %.2f ms, PostgreSQL %.2f ms, the rest %.2f ms, all %.2f ms\n",
           j * 1000 / hz / n, p * 1000 / hz / n, (b - j - p) * 1000 / hz / n, b * 1000 / hz / n }'
echo "machine: $(nproc) cores; $(date -u +%F)"
