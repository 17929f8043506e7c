package org.quittance.sandbox.control;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SandboxFaultsTest {

    @AfterEach
    void none() {
        SandboxFaults.set(Map.of());
    }

    @Test
    void aListingFailsAfterThePagesAskedForUntilTheFaultsAreReplaced() {
        SandboxFaults.set(Map.of("list_fails_after_pages", "2"));
        assertFalse(SandboxFaults.listingFails());
        assertFalse(SandboxFaults.listingFails());
        assertTrue(SandboxFaults.listingFails(), "the third page fails");
        assertTrue(SandboxFaults.listingFails(), "and every one after it");
        SandboxFaults.set(Map.of());
        assertFalse(SandboxFaults.listingFails());
    }

    @Test
    void eachCallReplacesEveryFaultAndNonsenseTurnsNothingOn() {
        SandboxFaults.set(Map.of("chaos", "true", "lose_events", "true"));
        assertTrue(SandboxFaults.chaos());
        assertTrue(SandboxFaults.losesEvents());
        SandboxFaults.set(Map.of("list_fails_after_pages", "-1; DROP", "lose_events", "yes"));
        assertFalse(SandboxFaults.chaos(), "left out: off");
        assertFalse(SandboxFaults.losesEvents(), "only the word true turns a fault on");
        assertFalse(SandboxFaults.listingFails());
    }

    @Test
    void theListAnswersTooManyBeyondItsCallsASecondAndCountsThem() {
        SandboxFaults.set(Map.of("list_rate_limit", "3"));
        int limited = 0;
        for (int i = 0; i < 10; i++) {
            limited += SandboxFaults.listingRateLimited() ? 1 : 0;
        }
        // Ten calls in far less than a second: at most two seconds' allowance (six) gets through.
        assertTrue(limited >= 4, limited + " limited");
        assertEquals(limited, SandboxFaults.set(Map.of()), "the next setting reports them");
        assertFalse(SandboxFaults.listingRateLimited(), "back to Stripe's own limit, 25 a second");
    }
}
