#!/usr/bin/env bash
# The portal under load, on the large firm (run benchmarks/firm.sh first): N signed-in clients (the
# generated ones, each with its own session), each loading a page a second for S seconds, with hey's
# fixed rate (-q 1 per client); for the sign-in page, home (Balance Due + open invoices), an invoice
# page and the payments page in turn. Then the saturation of home and the invoice page with wrk's
# closed loop, beside the ceiling of the same server in the same run (a static file of the portal).
# Reports requests, errors, p50/p99 per page, requests/s, and what the GC did.
# Usage: benchmarks/portal.sh [clients, default 100] [seconds, default 30]     Needs: apt-get install hey wrk
set -euo pipefail
cd "$(dirname "$0")"
BASE="${BASE:-http://localhost:8080}"
USERS="${1:-100}"
SECS="${2:-30}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
gc_from=$(./gc.sh lines)

# The generated firm: client k's first portal login, and one of its invoices (large-firm.sql).
invoice_of() { local k=$1; if [ "$k" -le 10 ]; then echo $((10000000 + (k - 1) * 500 + 1)); else echo $((10005001 + 50 * (k - 1))); fi; }

echo "Signing in $USERS clients ..."
for k in $(seq 1 "$USERS"); do
    jar="$WORK/$k.jar"
    curl -s -c "$jar" -b "$jar" -o /dev/null "$BASE/portal/"
    curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "j_username=contact0.c$k@client$k.example" \
        --data-urlencode "j_password=portal-demo-2026" "$BASE/portal/j_security_check"
    session=$(awk '$6 == "JSESSIONID" && $3 == "/portal" {print $7}' "$jar" | tail -1)
    home=$(curl -s -b "JSESSIONID=$session" "$BASE/portal/")
    [[ "$home" == *"Balance due"* ]] || { echo "client $k could not sign in" >&2; exit 1; }
    echo "$session" > "$WORK/$k.session"
done

report() { # name, csv files: one line per request (response-time in s, ..., status-code)
    local name=$1; shift
    cat "$@" | awk -F, 'NR > 0 && $1 ~ /^[0-9.]+$/ { print $1 * 1000, $7 }' | sort -n > "$WORK/all"
    awk -v name="$name" -v secs="$SECS" '
        { t[NR] = $1; if ($2 != 200) err++ }
        END { if (NR == 0) { print name ": no answers"; exit }
              i50 = int(NR * 0.50) + 1; i99 = int(NR * 0.99); if (i99 < 1) i99 = 1
              printf "%-28s %6d requests %5.1f/s  errors %d  p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms\n",
                     name, NR, NR / secs, err + 0, t[i50], t[i99], t[NR] }' "$WORK/all"
}

# Each client starts 1/N s after the one before, as N people who each load a page a second arrive spread
# over that second. Started all at once, their first requests (each also opening its connection) came
# together and made p99 alone: home for 30 s, 25 of the slowest 30 requests of 3,000 were a client's
# first, p99 48 ms with the first requests and 19 ms without them.
fixed_rate() { # name, path (or "invoice"), signed-in
    local name=$1 path=$2 signed=$3
    local gap; gap=$(awk -v n="$USERS" 'BEGIN { printf "%.4f", 1 / n }')
    rm -f "$WORK"/*.csv
    for k in $(seq 1 "$USERS"); do
        sleep "$gap"
        local url="$BASE$path"
        [ "$path" = "invoice" ] && url="$BASE/portal/invoice.xhtml?id=$(invoice_of "$k")"
        if [ "$signed" = yes ]; then
            hey -z "${SECS}s" -c 1 -q 1 -o csv -H "Cookie: JSESSIONID=$(cat "$WORK/$k.session")" "$url" > "$WORK/$k.csv" 2>/dev/null &
        else
            hey -z "${SECS}s" -c 1 -q 1 -o csv "$url" > "$WORK/$k.csv" 2>/dev/null &
        fi
    done
    wait
    report "$name" "$WORK"/*.csv
}

echo "== $USERS clients, a page a second each, ${SECS} s per page (hey -q 1)"
fixed_rate "sign-in page" /portal/login.xhtml no
fixed_rate "home (balance, open)" /portal/ yes
fixed_rate "invoice page" invoice yes
fixed_rate "payments" /portal/payments.xhtml yes

echo "== saturation, closed loop (wrk, 2 threads, 16 connections, ${SECS} s)"
s1=$(cat "$WORK/1.session")
ceiling=$(wrk -t2 -c16 -d"${SECS}s" "$BASE/portal/jakarta.faces.resource/css/quittance.css.xhtml" | awk '/Requests\/sec/ {print $2}')
echo "ceiling: the portal's style sheet (static)  $ceiling req/s"
for page in "home:/portal/" "invoice page:/portal/invoice.xhtml?id=$(invoice_of 1)"; do
    wrk -t2 -c16 -d"${SECS}s" --latency -H "Cookie: JSESSIONID=$s1" "$BASE${page#*:}" \
        | awk -v name="${page%%:*}" '/Requests\/sec/ {rps = $2} /^ +50%/ {p50 = $2} /^ +99%/ {p99 = $2} /Non-2xx/ {bad = $NF}
                                     END {printf "%-36s %s req/s  p50 %s  p99 %s  non-2xx %s\n", name, rps, p50, p99, bad + 0}'
done
./gc.sh "$gc_from"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GB; $(date -u +%F)"
