# Sourced by firm.sh and cluster.sh: a launcher (mvn -Prun or -Prun-cluster) started in the background on a
# data directory of its own, waited for until its banner, and stopped by its shutdown hook (WildFly, then PostgreSQL).
# Uses DATA (the data directory), PIDFILE and LOG.

stop() {
    if [ -f "$PIDFILE" ]; then
        local pid
        pid="$(cat "$PIDFILE")"
        kill "$pid" 2>/dev/null || true
        while kill -0 "$pid" 2>/dev/null; do sleep 1; done
        rm -f "$PIDFILE"
    fi
}

# start <what> <maven arguments...>: GC_LOG has WildFly write its GC log (in its log directory), which gc.sh reads.
start() {
    local what=$1; shift
    echo "Building and starting $what on $DATA (log: $LOG) ..."
    GC_LOG=true setsid mvn -B -q "$@" > "$LOG" 2>&1 &
    echo $! > "$PIDFILE"
    for _ in $(seq 1 900); do
        grep -q "Quittance is running" "$LOG" && return 0
        grep -q "started (with errors)" "$LOG" && { echo "$what started with errors: see $LOG" >&2; stop; exit 1; }
        kill -0 "$(cat "$PIDFILE")" 2>/dev/null || { echo "$what did not start: see $LOG" >&2; exit 1; }
        sleep 1
    done
    echo "$what did not start in 15 minutes: see $LOG" >&2
    exit 1
}
