package org.quittance.sandbox.control;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults the sandbox processor can be told to have (POST /v1/test_helpers/faults), so that tests can
 * watch Quittance cope: a processor that stops answering half-way (the receipt import must restart
 * where it stopped), notifications delivered twice and out of order (chaos, also a server setting),
 * and notifications lost on the way. Off unless asked for; the sandbox never runs a live account.
 */
public final class SandboxFaults {

    private static volatile int listingPagesBeforeFailure = -1;
    private static final AtomicInteger listingPagesServed = new AtomicInteger();
    private static volatile boolean chaos = SandboxSettings.chaos();
    private static volatile boolean losesEvents;

    private SandboxFaults() {
    }

    /**
     * Replaces every fault by those asked for; what the form leaves out is off (chaos falls back to the
     * server's setting). {@code list_fails_after_pages}: serve this many pages of settled transactions
     * and then fail every request for one; {@code chaos}; {@code lose_events}.
     */
    public static void set(Map<String, String> form) {
        String pages = form.get("list_fails_after_pages");
        listingPagesServed.set(0);
        listingPagesBeforeFailure = pages == null || !pages.matches("\\d{1,6}") ? -1 : Integer.parseInt(pages);
        chaos = form.containsKey("chaos") ? "true".equals(form.get("chaos")) : SandboxSettings.chaos();
        losesEvents = "true".equals(form.get("lose_events"));
    }

    /** Counts a page request; true when it must fail. */
    public static boolean listingFails() {
        int limit = listingPagesBeforeFailure;
        return limit >= 0 && listingPagesServed.getAndIncrement() >= limit;
    }

    public static boolean chaos() {
        return chaos;
    }

    public static boolean losesEvents() {
        return losesEvents;
    }
}
