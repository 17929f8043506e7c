#!/usr/bin/env bash
# Accept Selected of N receipts over the large firm (run benchmarks/firm.sh first): puts N processor
# receipts awaiting acceptance on N open invoices of the generated firm (SQL, as an import would leave
# them: certain matches), then does what the Integrated Receipts tab does — filter them, select them,
# Accept Selected — as the browser's own requests (a Faces ajax post carrying the selection), timed by
# curl. Afterwards it checks that each receipt is on the books once and the ledger still balances.
# Usage: benchmarks/accept.sh [receipts, default 1000]      Needs: psql (apt-get install postgresql-client)
set -euo pipefail
cd "$(dirname "$0")"
BASE="${BASE:-http://localhost:8080}"
N="${1:-1000}"
DB="${DB:-postgresql://postgres@localhost:15432/quittance}"
RUN="bench-accept-$(date +%s)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
gc_from=$(./gc.sh lines)

echo "Putting $N receipts awaiting acceptance on open invoices ($RUN) ..."
psql -q -v ON_ERROR_STOP=1 "$DB" <<SQL
CREATE TEMP TABLE pick AS
SELECT i.id AS invoice_id, m.client_id, i.currency, i.balance_due, nextval('receipt_seq') AS receipt_id, row_number() OVER () AS k
FROM invoice i JOIN matter m ON m.id = i.matter_id
WHERE i.state IN ('PUBLISHED', 'PARTLY_PAID') AND i.balance_due > 0
  AND NOT EXISTS (SELECT 1 FROM receipt_allocation a JOIN receipt r ON r.id = a.receipt_id
                  WHERE a.invoice_id = i.id AND r.state = 'AWAITING_ACCEPTANCE')
ORDER BY i.id LIMIT $N;
INSERT INTO receipt (id, source, method, payment_reference, settlement_id, charge_reference, client_id, currency, gross, fee, net,
                     payout, description, received_at, state, match_kind, match_reason, state_reason, unapplied, decided_by,
                     decided_at, created_at, version, entry_key, refunded, disputed)
SELECT receipt_id, 'PROCESSOR', 'CARD', '$RUN-' || k, 'txn_$RUN-' || k, 'ch_$RUN-' || k, client_id, currency, balance_due,
       round(balance_due * 0.014 + 0.20, 2), balance_due - round(balance_due * 0.014 + 0.20, 2), NULL, 'Card payment in the portal',
       now(), 'AWAITING_ACCEPTANCE', 'CERTAIN', 'Benchmark: the portal checkout named the invoice', NULL, 0, NULL, NULL, now(), 0, NULL, 0, FALSE
FROM pick;
INSERT INTO receipt_allocation (receipt_id, invoice_id, amount) SELECT receipt_id, invoice_id, balance_due FROM pick;
SQL

jar="$WORK/jar"
curl -s -c "$jar" -b "$jar" -o /dev/null "$BASE/staff/"
curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "j_username=admin" --data-urlencode "j_password=admin-demo-2026" "$BASE/staff/j_security_check"
page=$(curl -s -c "$jar" -b "$jar" "$BASE/staff/receipts.xhtml")
[[ "$page" == *"Sign out"* ]] || { echo "could not sign in" >&2; exit 1; }
state=$(grep -o 'name="jakarta.faces.ViewState"[^>]*value="[^"]*"' <<<"$page" | head -1 | sed 's/.*value="//; s/"$//')
[[ "$page" =~ nonce=\"([^\"]*)\" ]] && nonce="${BASH_REMATCH[1]}"  # PrimeFaces' CSP: an ajax request carries the page's nonce

ajax() { # source, execute, extra form fields...
    local source=$1 execute=$2; shift 2
    curl -s -b "$jar" -c "$jar" -o "$WORK/answer.xml" -w '%{time_total}' -H 'Faces-Request: partial/ajax' \
        --data-urlencode "jakarta.faces.partial.ajax=true" --data-urlencode "jakarta.faces.source=$source" \
        --data-urlencode "jakarta.faces.partial.execute=$execute" --data-urlencode "jakarta.faces.partial.render=receipts" \
        --data-urlencode "$source=$source" --data-urlencode "receipts=receipts" --data-urlencode "jakarta.faces.ViewState=$state" --data-urlencode "primefaces.nonce=$nonce" \
        "$@" "$BASE/staff/receipts.xhtml"
}

filter=$(ajax receipts:tabs:filter "receipts:tabs:filter receipts:tabs:state receipts:tabs:search" \
    --data-urlencode "receipts:tabs:state=AWAITING_ACCEPTANCE" --data-urlencode "receipts:tabs:search=$RUN")
shown=$( (grep -o "$RUN-[0-9]*" "$WORK/answer.xml" || true) | sort -u | wc -l)
echo "Filter: ${filter}s, $shown receipts of this run on the screen"
ids=$(psql -At "$DB" -c "SELECT string_agg(id::text, ',' ORDER BY id) FROM receipt WHERE payment_reference LIKE '$RUN-%'")
accept=$(ajax receipts:tabs:accept "receipts:tabs:accept receipts:tabs:table" --data-urlencode "receipts:tabs:table_selection=$ids")
grep -o '[0-9]* accepted[^<]*' "$WORK/answer.xml" | head -1 || true
echo "Accept Selected of $N receipts: ${accept}s (target < 2 s)"

psql -At "$DB" <<SQL
SELECT 'accepted now: ' || count(*) FILTER (WHERE state = 'ACCEPTED') || ' of ' || count(*) FROM receipt WHERE payment_reference LIKE '$RUN-%';
SELECT 'ledger entries of these receipts: ' || count(*) FROM ledger_entry e JOIN receipt r ON r.id = e.receipt_id WHERE r.payment_reference LIKE '$RUN-%';
SELECT 'invoices whose balance is not the sum of their entries: ' || count(*) FROM (
    SELECT i.id FROM invoice i JOIN receipt_allocation a ON a.invoice_id = i.id JOIN receipt r ON r.id = a.receipt_id
    LEFT JOIN ledger_entry e ON e.invoice_id = i.id
    WHERE r.payment_reference LIKE '$RUN-%' GROUP BY i.id, i.balance_due HAVING i.balance_due <> COALESCE(sum(e.amount), 0)) x;
SQL
./gc.sh "$gc_from"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GB; $(date -u +%F)"
