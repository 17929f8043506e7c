#!/usr/bin/env bash
# No list screen loads a whole table: on the large firm (run benchmarks/firm.sh first), each list screen
# of both applications is loaded R times in one signed-in session between two full collections, and the
# GC log says what the server allocated in between (every byte a request allocates passes through a
# collection) and how much stayed live. A screen that read one of the large tables into memory would
# allocate at least that table's size per request: 1,000,000 invoices, 1,100,000 receipts, 2,000,000
# ledger entries are hundreds of MB each as objects, against a heap of 512 MB.
# Usage: benchmarks/memory.sh [requests per screen, default 50]     Needs: apt-get install hey
set -euo pipefail
cd "$(dirname "$0")"
BASE="${BASE:-http://localhost:8080}"
R="${1:-50}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
PID=$(jcmd -l | awk '/jboss-modules/ {print $1}' | head -1)
[ -n "$PID" ] || { echo "no WildFly running: benchmarks/firm.sh start" >&2; exit 1; }
CLIENT=10000001      # the generated firm's first client: 500 invoices (large-firm.sql)

sign_in() { # app, user, password, page that proves it
    local jar="$WORK/$1.jar"
    curl -s -c "$jar" -b "$jar" -o /dev/null "$BASE/$1/"
    curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "j_username=$2" --data-urlencode "j_password=$3" "$BASE/$1/j_security_check"
    awk -v app="/$1" '$6 == "JSESSIONID" && $3 == app {print $7}' "$jar" | tail -1 > "$WORK/$1.session"
    [[ "$(curl -s -b "JSESSIONID=$(cat "$WORK/$1.session")" "$BASE/$1/$4")" == *"Sign out"* ]] || { echo "cannot sign in to $1" >&2; exit 1; }
}
sign_in staff admin admin-demo-2026 review.xhtml
sign_in portal contact0.c1@client1.example portal-demo-2026 payments.xhtml

tables=$(psql -At "${DB:-postgresql://postgres@localhost:15432/quittance}" -c "SELECT
    (SELECT count(*) FROM invoice) || ' invoices (' || pg_size_pretty(pg_table_size('invoice')) || ' on disk), '
 || (SELECT count(*) FROM receipt) || ' receipts (' || pg_size_pretty(pg_table_size('receipt')) || '), '
 || (SELECT count(*) FROM ledger_entry) || ' ledger entries (' || pg_size_pretty(pg_table_size('ledger_entry')) || ')'" 2>/dev/null || echo "?")
echo "The large firm: $tables"
printf "%-36s %9s %12s %14s\n" "screen ($R requests each)" "errors" "MB/request" "live after GC"

measure() { # name, app, path
    local name=$1 app=$2 path=$3
    jcmd "$PID" GC.run > /dev/null; sleep 1
    local mark; mark=$(./gc.sh lines)
    hey -n "$R" -c 1 -o csv -H "Cookie: JSESSIONID=$(cat "$WORK/$app.session")" "$BASE/$app/$path" > "$WORK/out.csv" 2>/dev/null
    jcmd "$PID" GC.run > /dev/null; sleep 1
    local errors; errors=$(awk -F, '$1 ~ /^[0-9.]+$/ && $7 != 200' "$WORK/out.csv" | wc -l)
    read -r alloc live _ < <(./gc.sh alloc "$mark")
    awk -v name="$name" -v r="$R" -v e="$errors" -v a="$alloc" -v l="$live" \
        'BEGIN { printf "%-36s %9d %12.1f %11d MB\n", name, e, a / r, l }'
}

measure "Review (final invoices)" staff review.xhtml
measure "Integrated Receipts" staff receipts.xhtml
measure "Billing" staff billing.xhtml
measure "Clients" staff setup/clients.xhtml
measure "client page (500 invoices)" staff "setup/client.xhtml?id=$CLIENT"
measure "ledger of a client of 500 invoices" staff "ledger.xhtml?client=$CLIENT"
measure "Reports (A/R aging, receipts)" staff reports.xhtml
measure "audit trail" staff audit.xhtml
measure "processor payments" staff processor-payments.xhtml
measure "outbox" staff outbox.xhtml
measure "portal home (open invoices)" portal ""
measure "portal paid invoices" portal "?tab=paid"
measure "portal payments" portal payments.xhtml
measure "portal statements" portal statements.xhtml
echo "heap: -Xms64m -Xmx512m, as the run command starts WildFly; machine: $(nproc) cores; $(date -u +%F)"
