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

    /** Stripe allows about 25 calls a second on one endpoint in test mode; so does the sandbox's list of settled transactions. */
    public static final int LISTING_CALLS_PER_SECOND = 25;
    private static volatile int listingCallsPerSecond = LISTING_CALLS_PER_SECOND;
    private static long listingSecond;
    private static int listingCallsThisSecond;
    private static final AtomicInteger rateLimited = new AtomicInteger();

    private SandboxFaults() {
    }

    /**
     * Replaces every fault by those asked for; what the form leaves out is off (chaos falls back to the
     * server's setting). {@code list_fails_after_pages}: serve this many pages of settled transactions
     * and then fail every request for one; {@code chaos}; {@code lose_events}; {@code list_rate_limit}:
     * calls a second on the list of settled transactions before it answers 429 (25 unless asked).
     * @return how many list calls were answered 429 since the faults were set before
     */
    public static int set(Map<String, String> form) {
        String pages = form.get("list_fails_after_pages");
        listingPagesServed.set(0);
        listingPagesBeforeFailure = pages == null || !pages.matches("\\d{1,6}") ? -1 : Integer.parseInt(pages);
        chaos = form.containsKey("chaos") ? "true".equals(form.get("chaos")) : SandboxSettings.chaos();
        losesEvents = "true".equals(form.get("lose_events"));
        String rate = form.get("list_rate_limit");
        listingCallsPerSecond = rate == null || !rate.matches("[1-9]\\d{0,4}") ? LISTING_CALLS_PER_SECOND : Integer.parseInt(rate);
        return rateLimited.getAndSet(0);
    }

    /** Counts a call to the list within its second; true when it is one too many (Stripe answers 429). */
    public static synchronized boolean listingRateLimited() {
        long second = System.nanoTime() / 1_000_000_000L;
        if (second != listingSecond) {
            listingSecond = second;
            listingCallsThisSecond = 0;
        }
        if (++listingCallsThisSecond > listingCallsPerSecond) {
            rateLimited.incrementAndGet();
            return true;
        }
        return false;
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
