#!/usr/bin/env bash
# What the server's GC did since a mark: the longest pause and the largest heap left after a collection.
# Usage: benchmarks/gc.sh <mark>   (benchmarks/gc.sh lines: the mark of now, the server's uptime in ms)
# The JVM rotates its GC log (gc.log, then gc.log.0, ...), so lines are told apart by their uptime stamp.
# GC_LOG_DIR: another server's log directory (a cluster node's); "none": say nothing (cluster.sh reports per node).
DIR="${GC_LOG_DIR:-$(dirname "$0")/../wildfly-config/target/server/standalone/log}"
if [ "$DIR" = none ]; then [ "${1:-}" = lines ] && echo 0; exit 0; fi
uptime() { grep -ho '\]\[[0-9]*ms\]' "$DIR/gc.log" 2>/dev/null | tail -1 | tr -dc '0-9'; }
if [ "${1:-}" = "lines" ]; then echo "$(uptime)"; exit 0; fi
# alloc <mark>: what the application allocated since the collection at the mark (MB, summed over every
# collection since: heap before it less heap after the one before), and the heap after the last one.
if [ "${1:-}" = "alloc" ]; then
    cat "$DIR"/gc.log.* "$DIR/gc.log" 2>/dev/null | awk -v from="${2:-0}" '
        !/Pause/ || !/->/ { next }
        { match($0, /\]\[[0-9]+ms\]/); t = substr($0, RSTART + 2, RLENGTH - 5) + 0
          match($0, /[0-9]+M->[0-9]+M/); split(substr($0, RSTART, RLENGTH), h, /M->|M/); before = h[1] + 0; after = h[2] + 0 }
        t <= from + 0 { last = after; next }
        { alloc += before - last; last = after; n++ }
        END { printf "%d %d %d\n", alloc, last, n }'
    exit 0
fi
cat "$DIR"/gc.log.* "$DIR/gc.log" 2>/dev/null | awk -v from="${1:-0}" '
    match($0, /\]\[[0-9]+ms\]/) { t = substr($0, RSTART + 2, RLENGTH - 5) + 0; if (t <= from + 0) next }
    /Pause/ && /->/ {
        if (match($0, /[0-9.]+ms$/)) { ms = substr($0, RSTART, RLENGTH - 2) + 0; if (ms > maxms) maxms = ms }
        if (match($0, /->[0-9]+M/)) { after = substr($0, RSTART + 2, RLENGTH - 3) + 0; if (after > maxafter) maxafter = after }
        n++
    }
    END { printf "GC: %d collections, longest pause %.1f ms, largest heap after GC %d MB (heap: -Xms64m -Xmx512m, as the run command starts WildFly)\n", n, maxms, maxafter }'
