package org.quittance.payments.sandbox.control;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults the sandbox processor can be told to have, so that tests can watch Quittance cope with a
 * processor that stops answering half-way (the receipt import must then restart where it stopped).
 * Off unless a test turns it on; the sandbox never runs against a live account.
 */
public final class SandboxFaults {

    private static volatile int listingPagesBeforeFailure = -1;
    private static final AtomicInteger listingPagesServed = new AtomicInteger();

    private SandboxFaults() {
    }

    /** From now on, serve this many pages of settled transactions and then fail every request for one. */
    public static void failListingAfterPages(int pages) {
        listingPagesServed.set(0);
        listingPagesBeforeFailure = pages;
    }

    public static void clear() {
        listingPagesBeforeFailure = -1;
    }

    /** Counts a page request; true when it must fail. */
    public static boolean listingFails() {
        int limit = listingPagesBeforeFailure;
        return limit >= 0 && listingPagesServed.getAndIncrement() >= limit;
    }
}
