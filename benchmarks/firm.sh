#!/usr/bin/env bash
# A large firm for the benchmarks: starts Quittance (the run command, demo data) on a database of its
# own, fills it with a generated firm through PostgreSQL's bulk path (large-firm.sql, run by
# org.quittance.devserver.LargeFirm), checks the books' invariants over everything, and leaves the
# application running on it at http://localhost:8080/ for the other benchmarks.
# Usage: benchmarks/firm.sh [clients [invoices]]   (defaults: 20000 clients, 1000000 invoices)
#        benchmarks/firm.sh start   (again, on the firm generated before: after a rebuild, say)
#        benchmarks/firm.sh stop
# The data lives in .quittance-large/ (QUITTANCE_LARGE_FIRM_DIR), apart from the run command's.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA="${QUITTANCE_LARGE_FIRM_DIR:-$PWD/.quittance-large}"
PIDFILE="$DATA.pid"
LOG="$DATA.log"

. benchmarks/launcher.sh

case "${1:-}" in
    stop) stop; exit 0 ;;
    start) stop; start Quittance -Prun package -Dquittance.data.dir="$DATA"; echo "Quittance runs on the large firm at http://localhost:8080/. Stop it: benchmarks/firm.sh stop"; exit 0 ;;
esac
stop
rm -rf "$DATA"
start Quittance -Prun package -Dquittance.data.dir="$DATA"
java -cp wildfly-config/target/classes:wildfly-config/target/cli/postgresql.jar org.quittance.devserver.LargeFirm \
    "jdbc:postgresql://localhost:15432/quittance?user=postgres" "${1:-20000}" "${2:-1000000}"
echo "Quittance runs on the large firm at http://localhost:8080/ (log: $LOG). Stop it: benchmarks/firm.sh stop"
