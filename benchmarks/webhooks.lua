-- wrk script of benchmarks/webhooks.sh: each thread sends its share of the prepared signed events
-- (file in WEBHOOK_EVENTS, one "signature<TAB>body" a line), each event once; once its share is sent
-- it starts again, and those repeats are counted as duplicates.
local threads = {}
local counter = 1

function setup(thread)
    thread:set("tid", counter)
    thread:set("nthreads", 0)
    table.insert(threads, thread)
    counter = counter + 1
end

function init(args)
    nthreads = #args > 0 and tonumber(args[1]) or 2
    events, sent, repeats, refused = {}, 0, 0, 0
    local i = 0
    for line in io.lines(os.getenv("WEBHOOK_EVENTS")) do
        if i % nthreads == tid - 1 then
            local tab = line:find("\t", 1, true)
            table.insert(events, { line:sub(1, tab - 1), line:sub(tab + 1) })
        end
        i = i + 1
    end
end

-- WEBHOOK_PAUSE_MS: each connection waits this long before each request (a paced run, not flat out).
local pause = tonumber(os.getenv("WEBHOOK_PAUSE_MS") or "0")

function delay()
    return pause
end

function request()
    sent = sent + 1
    if sent > #events then repeats = repeats + 1 end
    local event = events[(sent - 1) % #events + 1]
    return wrk.format("POST", "/portal/webhooks/stripe",
        { ["Content-Type"] = "application/json", ["Stripe-Signature"] = event[1] }, event[2])
end

function response(status, headers, body)
    if status ~= 200 then refused = refused + 1 end
end

function done(summary, latency, requests)
    local total_sent, total_repeats, total_refused = 0, 0, 0
    for _, t in ipairs(threads) do
        total_sent = total_sent + t:get("sent")
        total_repeats = total_repeats + t:get("repeats")
        total_refused = total_refused + t:get("refused")
    end
    io.write(string.format("answered %d in %.1f s: %.0f/s; not 200: %d; repeats of an event already sent: %d\n",
        summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6), total_refused, total_repeats))
    io.write(string.format("latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms\n",
        latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
