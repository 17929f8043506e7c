package org.quittance.messaging.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The dead letters screen says what a failure means; the raw reason is only its detail. */
class FailureReasonsTest {

    @Test
    void aDuplicateKeyIsADuplicateAndNothingWasDoneTwice() {
        String said = FailureReasons.explain("PSQLException: ERROR: duplicate key value violates unique constraint \"receipt_reference_key\""
                + "\n  Detail: Key (reference)=(pi_1) already exists. (5 attempts)");
        assertTrue(said.startsWith("The same piece of work had already been recorded once"), said);
        assertFalse(said.contains("PSQLException"), said);
    }

    @Test
    void aRefusalSaysItsOwnReasonWithoutTheAttemptCount() {
        assertEquals("It was refused: No firm is set up yet. Correct that, then replay it.",
                FailureReasons.explain("RuleViolation: No firm is set up yet. (3 attempts)"));
    }

    @Test
    void anUnknownKindOfMessageCannotBeHelpedByAReplay() {
        assertTrue(FailureReasons.explain("UnroutableMessageException: no handler for type x (5 attempts)").contains("will not help"));
    }

    @Test
    void anythingElseAsksForAReplayAndThenForIt() {
        assertTrue(FailureReasons.explain("NullPointerException: null (5 attempts)").startsWith("An unexpected error"));
        assertTrue(FailureReasons.explain(null).startsWith("No reason was recorded"));
        assertTrue(FailureReasons.explain("SQLTransientConnectionException: Connection is not available, request timed out after 30000ms")
                .contains("did not answer in time"));
    }
}
