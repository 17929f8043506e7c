package org.quittance.sandbox.control;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

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
}
