#!/usr/bin/env bash
# Two nodes on one machine, measured as benchmarks/portal.sh and webhooks.sh measure one: the cluster of
# `mvn -Prun-cluster package` (two nodes and WildFly's balancer on http://localhost:8080) on a database of
# its own, the large firm generated into it (as firm.sh does), then
#   - the portal through the balancer at a fixed rate (portal.sh: each client's session stays on the node
#     the balancer gave it, so the clients are spread over both nodes);
#   - the portal flat out on both nodes at once: home and the invoice page, one session on each node,
#     one wrk per node through the balancer, beside the balancer's own ceiling (a static file);
#   - signed webhooks through the balancer (webhooks.sh: spread over both nodes, each checked applied once),
#     paced and flat out, then flat out straight to node1 alone, the balancer and node2 left idle.
# On one machine both nodes share its cores: this says what the balancer and the cluster cost, not what
# a second machine would add.
# Usage: benchmarks/cluster.sh [clients [invoices]]   generate, start and measure (defaults as firm.sh)
#        benchmarks/cluster.sh measure                 measure the cluster running
#        benchmarks/cluster.sh stop
# The data lives in .quittance-cluster-large/ (QUITTANCE_CLUSTER_LARGE_DIR).   Needs: apt-get install hey wrk
set -euo pipefail
cd "$(dirname "$0")/.."
DATA="${QUITTANCE_CLUSTER_LARGE_DIR:-$PWD/.quittance-cluster-large}"
PIDFILE="$DATA.pid"
LOG="$DATA.log"
SECS="${SECS:-30}"
BALANCER=http://localhost:8080

. benchmarks/launcher.sh

sign_in() { # client number -> its session id through the balancer (whose suffix names the node it is on)
    local k=$1 jar
    jar="$(mktemp)"
    curl -s -c "$jar" -b "$jar" -o /dev/null "$BALANCER/portal/"
    curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "j_username=contact0.c$k@client$k.example" \
        --data-urlencode "j_password=portal-demo-2026" "$BALANCER/portal/j_security_check"
    awk '$6 == "JSESSIONID" && $3 == "/portal" {print $7}' "$jar" | tail -1
    rm -f "$jar"
}

saturate() { # name, path on node 1, path on node 2: one wrk per node at once, 8 connections each, through the balancer
    local name=$1 n
    for n in 1 2; do
        local path=$2; [ "$n" = 2 ] && path=$3
        wrk -t1 -c8 -d"${SECS}s" --latency -H "Cookie: JSESSIONID=${SESSION[$n]}" "$BALANCER$path" > "$WORK/wrk$n" &
    done
    wait
    for n in 1 2; do
        awk -v name="$name on node$n" '/Requests\/sec/ {rps = $2} /^ +50%/ {p50 = $2} /^ +99%/ {p99 = $2} /Non-2xx/ {bad = $NF}
            END {printf "%-28s %s req/s  p50 %s  p99 %s  non-2xx %s\n", name, rps, p50, p99, bad + 0}' "$WORK/wrk$n"
    done
    awk '/Requests\/sec/ {sum += $2} END {printf "%-28s %.1f req/s\n", "  both nodes together", sum}' "$WORK/wrk1" "$WORK/wrk2"
}

# Client k's first invoice (large-firm.sql; as portal.sh reads it): the first ten clients have 500 each, the others 50.
invoice_of() { local k=$1; if [ "$k" -le 10 ]; then echo $((10000000 + (k - 1) * 500 + 1)); else echo $((10005001 + 50 * (k - 1))); fi; }

measure() {
    WORK="$(mktemp -d)"
    trap 'rm -rf "$WORK"' EXIT
    curl -sf -o /dev/null "$BALANCER/portal/" || { echo "The cluster is not running: benchmarks/cluster.sh first" >&2; exit 1; }
    local gc1 gc2
    gc1=$(GC_LOG_DIR="$DATA/node1/log" benchmarks/gc.sh lines)
    gc2=$(GC_LOG_DIR="$DATA/node2/log" benchmarks/gc.sh lines)
    echo "== the portal through the balancer, at a fixed rate"
    BASE=$BALANCER GC_LOG_DIR=none benchmarks/portal.sh 100 "$SECS"

    echo "== the portal flat out on both nodes at once (wrk per node, 8 connections each, ${SECS} s)"
    declare -gA SESSION=()
    local k=1 s n
    while [ -z "${SESSION[1]:-}" ] || [ -z "${SESSION[2]:-}" ]; do
        s=$(sign_in $k); n=${s##*.node}
        [[ "$n" =~ ^[12]$ ]] || { echo "client $k could not sign in through the balancer" >&2; exit 1; }
        [ -z "${SESSION[$n]:-}" ] && SESSION[$n]=$s && INVOICE[$n]=$k
        # The balancer gives a new session to the node it finds less loaded: right after a load, often the same one.
        k=$((k + 1)); [ $k -gt 100 ] && { echo "no sessions on both nodes among clients 1-100" >&2; exit 1; }
    done
    ceiling=$(wrk -t2 -c16 -d"${SECS}s" "$BALANCER/portal/jakarta.faces.resource/css/quittance.css.xhtml" | awk '/Requests\/sec/ {print $2}')
    echo "ceiling: the portal's style sheet through the balancer  $ceiling req/s"
    saturate "home" /portal/ /portal/
    saturate "invoice page" "/portal/invoice.xhtml?id=$(invoice_of "${INVOICE[1]}")" "/portal/invoice.xhtml?id=$(invoice_of "${INVOICE[2]}")"

    echo "== signed webhooks through the balancer (both nodes), paced: 10 ms before each request of each connection"
    BASE=$BALANCER GC_LOG_DIR=none WEBHOOK_PAUSE_MS=10 benchmarks/webhooks.sh "$SECS"
    echo "== signed webhooks through the balancer (both nodes), flat out"
    BASE=$BALANCER GC_LOG_DIR=none benchmarks/webhooks.sh "$SECS"
    echo "== signed webhooks straight to node1 (the balancer and node2 idle)"
    BASE=http://localhost:9080 GC_LOG_DIR=none benchmarks/webhooks.sh "$SECS"
    echo "node1 $(GC_LOG_DIR="$DATA/node1/log" benchmarks/gc.sh "$gc1")"
    echo "node2 $(GC_LOG_DIR="$DATA/node2/log" benchmarks/gc.sh "$gc2")"
    echo "machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GB; $(date -u +%F); each node -Xms64m -Xmx512m"
}

declare -A INVOICE=()
case "${1:-}" in
    stop) stop; exit 0 ;;
    measure) measure; exit 0 ;;
esac
stop
rm -rf "$DATA"
start "the cluster" -Prun-cluster package -Dquittance.cluster.data.dir="$DATA"
java -cp wildfly-config/target/classes:wildfly-config/target/cli/postgresql.jar org.quittance.devserver.LargeFirm \
    "jdbc:postgresql://localhost:15432/quittance?user=postgres" "${1:-20000}" "${2:-1000000}"
measure
echo "The cluster runs on the large firm at $BALANCER/ (log: $LOG). Stop it: benchmarks/cluster.sh stop"
