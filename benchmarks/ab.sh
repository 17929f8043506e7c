#!/usr/bin/env bash
# Two builds compared side by side on the large firm. One after the other they differ by more than most
# changes do: this machine's speed drifts 2-3x within an hour, and a JVM keeps warming for minutes. So
# the other build's server runs beside this one's, on the same database, and wrk loads each in turn, 15 s
# at a time, in ABBA order, after the same warm-up (benchmarks/README.md).
# A: this tree's server, started by benchmarks/firm.sh start. B: the other tree's, started here with A's
# environment on ports +100 and stopped at the end; build it first (cd <other> && mvn -o package
# -DskipTests): its wildfly-config/target/server and ear/target/quittance.ear are used.
# The server started second trails for a while: the same build on both sides (2026-12-07), B started a few
# minutes after A trailed by 8 % on average after 8 rounds of warm-up (1-5 % in the last five rounds), so
# the warm-up is 16 rounds (WARMUP=n), and a result smaller than that gap says nothing.
# Usage: [CLIENT=k] benchmarks/ab.sh <other tree> [rounds, default 10] [seconds, default 15] [path, default /portal/]
set -euo pipefail
OTHER="$(cd "${1:?usage: benchmarks/ab.sh <other tree> [rounds] [seconds] [path]}" && pwd)"
ROUNDS="${2:-10}"
SECS="${3:-15}"
PAGE="${4:-/portal/}"
CLIENT="${CLIENT:-1}"
WARMUP="${WARMUP:-16}"
[[ $CLIENT =~ ^[1-9][0-9]{0,5}$ ]] || { echo "CLIENT is a client's number, 1 to 20000" >&2; exit 2; }
SERVER="$OTHER/wildfly-config/target/server"
[ -f "$OTHER/ear/target/quittance.ear" ] && [ -d "$SERVER" ] || { echo "build $OTHER first (mvn -o package -DskipTests)" >&2; exit 2; }
A_PID=$(pgrep -f "jboss.home.dir=$(cd "$(dirname "$0")/.." && pwd)/" | head -1 || true)
[ -n "$A_PID" ] || { echo "A is not running: benchmarks/firm.sh start" >&2; exit 1; }

# B gets A's configuration (database, secret key, demo flag) from A's own environment.
cp "$OTHER/ear/target/quittance.ear" "$SERVER/standalone/deployments/"
mapfile -t environment < <(tr '\0' '\n' < "/proc/$A_PID/environ" | grep '^QUITTANCE_' | grep -v '^QUITTANCE_PUBLIC_URL=')
(cd "$SERVER" && env JBOSS_HOME="$SERVER" "${environment[@]}" QUITTANCE_PUBLIC_URL=http://localhost:8180 \
    setsid bash bin/standalone.sh -c standalone-full.xml -Djboss.socket.binding.port-offset=100 > "$SERVER/standalone/log/ab.log" 2>&1 &)
ROUNDS_FILE="$(mktemp)"
trap 'pkill -f "jboss.home.dir=$SERVER" || true; rm -f "$ROUNDS_FILE"' EXIT
for _ in $(seq 1 180); do
    curl -sf -o /dev/null http://localhost:8180/portal/login.xhtml && break
    sleep 1
done

session() { # port: a signed-in session of client k
    local jar; jar="$(mktemp)"
    curl -s -c "$jar" -b "$jar" -o /dev/null "http://localhost:$1/portal/"
    curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "j_username=contact0.c$CLIENT@client$CLIENT.example" \
        --data-urlencode "j_password=portal-demo-2026" "http://localhost:$1/portal/j_security_check"
    awk '$6 == "JSESSIONID" && $3 == "/portal" {print $7}' "$jar" | tail -1
    rm -f "$jar"
}
SA=$(session 8080)
SB=$(session 8180)
for s in "8080 $SA" "8180 $SB"; do
    set -- $s
    if curl -s -H "Cookie: JSESSIONID=$2" "http://localhost:$1$PAGE" | grep -q j_security_check; then
        echo "client $CLIENT could not sign in on port $1 (see $SERVER/standalone/log/ab.log)" >&2
        exit 1
    fi
done
load() { wrk -t2 -c16 -d"${SECS}s" -H "Cookie: JSESSIONID=$2" "http://localhost:$1$PAGE" | awk '/Requests\/sec/ {print $2}'; }

echo "warming up both: $WARMUP rounds"
for _ in $(seq 1 "$WARMUP"); do load 8180 "$SB" > /dev/null; load 8080 "$SA" > /dev/null; done
echo "$PAGE (client $CLIENT), $ROUNDS rounds of ${SECS} s, ABBA; A: $(git -C "$(dirname "$0")" describe --always --dirty), B: $(git -C "$OTHER" describe --always --dirty)"
for r in $(seq 1 "$ROUNDS"); do
    if ((r % 2)); then a=$(load 8080 "$SA"); b=$(load 8180 "$SB"); else b=$(load 8180 "$SB"); a=$(load 8080 "$SA"); fi
    echo "round $r  A $a  B $b"
    echo "$a $b" >> "$ROUNDS_FILE"
done
awk '{a += $1; b += $2; if ($2 > $1) w++}
    END {printf "mean: A %.1f  B %.1f req/s, B/A %.3f, B faster in %d of %d rounds\n", a / NR, b / NR, b / a, w, NR}' "$ROUNDS_FILE"
echo "machine: $(nproc) cores; $(date -u +%F)"
