package org.quittance.security.control;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

class ThrottleRuleTest {

    private static final ThrottleRule SIGN_IN = ThrottleRule.SIGN_IN_FAILURES_BY_ADDRESS;

    @Test
    void theFirstFailedSignInsFromAnAddressGoAtFullSpeed() {
        for (int failures = 0; failures < 5; failures++) {
            assertEquals(new ThrottleRule.Verdict(false, Duration.ZERO), SIGN_IN.next(failures), "after " + failures);
        }
    }

    @Test
    void thenEachAttemptWaitsTwiceAsLongUpToFourSeconds() {
        assertEquals(Duration.ofMillis(500), SIGN_IN.next(5).delay());
        assertEquals(Duration.ofSeconds(1), SIGN_IN.next(6).delay());
        assertEquals(Duration.ofSeconds(2), SIGN_IN.next(7).delay());
        assertEquals(Duration.ofSeconds(4), SIGN_IN.next(8).delay());
        assertEquals(Duration.ofSeconds(4), SIGN_IN.next(19).delay());
        assertFalse(SIGN_IN.next(19).refused());
    }

    @Test
    void atTheLimitTheAddressIsRefusedUntilTheWindowEnds() {
        assertTrue(SIGN_IN.next(20).refused());
        assertTrue(SIGN_IN.next(Integer.MAX_VALUE).refused());
        assertEquals(Duration.ofMinutes(15), SIGN_IN.window());
    }

    @Test
    void resetMailsToOneAddressAreRefusedWithoutBeingSlowedFirst() {
        ThrottleRule perEmail = ThrottleRule.RESETS_BY_EMAIL;
        assertEquals(Duration.ZERO, perEmail.next(2).delay());
        assertTrue(perEmail.next(3).refused());
        assertTrue(perEmail.allows(3));
        assertFalse(perEmail.allows(4));
    }
}
