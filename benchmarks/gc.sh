#!/usr/bin/env bash
# What the server's GC did since a line of its log: the longest pause and the largest heap left after
# a collection. Usage: benchmarks/gc.sh <first line>   (benchmarks/gc.sh lines: the current end)
LOG="$(dirname "$0")/../wildfly-config/target/server/standalone/log/gc.log"
if [ "${1:-}" = "lines" ]; then wc -l < "$LOG" 2>/dev/null || echo 0; exit 0; fi
tail -n +"${1:-1}" "$LOG" 2>/dev/null | awk '
    /Pause/ && /->/ {
        if (match($0, /[0-9.]+ms$/)) { ms = substr($0, RSTART, RLENGTH - 2) + 0; if (ms > maxms) maxms = ms }
        if (match($0, /->[0-9]+M/)) { after = substr($0, RSTART + 2, RLENGTH - 3) + 0; if (after > maxafter) maxafter = after }
        n++
    }
    END { printf "GC: %d collections, longest pause %.1f ms, largest heap after GC %d MB (heap: -Xms64m -Xmx512m, as the run command starts WildFly)\n", n, maxms, maxafter }'
