package org.quittance.messaging.control;

import java.util.Locale;

/**
 * Why a message failed, in a sentence a person at the firm can act on. The recorded reason stays as
 * it was (the technical detail, for IT); this says what it means and whether a replay can help.
 */
public final class FailureReasons {

    private FailureReasons() {
    }

    /** @param recorded the failure as recorded, "ExceptionClass: message (n attempts)"; may be null */
    public static String explain(String recorded) {
        if (recorded == null || recorded.isBlank() || recorded.startsWith("no reason recorded")) {
            return "No reason was recorded for this message. Replay it; if it fails again, ask IT to look at the server log.";
        }
        String text = recorded.toLowerCase(Locale.ROOT);
        if (recorded.startsWith("no key")) {
            return "This message carries no key, so Quittance cannot tell what it was for, and it cannot be replayed.";
        }
        if (recorded.startsWith("UnroutableMessageException")) {
            return "Quittance does not know this kind of message. Replaying it will not help; IT should find who sent it.";
        }
        if (recorded.startsWith("RuleViolation: ")) {
            return "It was refused: " + withoutAttempts(recorded.substring("RuleViolation: ".length()))
                    + " Correct that, then replay it.";
        }
        if (text.contains("duplicate key") || text.contains("unique constraint")) {
            return "The same piece of work had already been recorded once (a duplicate). Nothing was done twice; replaying"
                    + " it is safe, and if it fails again it can be left alone.";
        }
        if (text.contains("timeout") || text.contains("timed out") || text.contains("connection") || text.contains("unavailable")) {
            return "The database or another service did not answer in time. Replay it once they are running again.";
        }
        if (text.contains("optimisticlock") || text.contains("deadlock") || text.contains("could not serialize")) {
            return "It collided with another change made at the same moment. Replaying it is safe and usually works.";
        }
        return "An unexpected error stopped it. Replay it; if it fails again, send IT the technical detail.";
    }

    private static String withoutAttempts(String reason) {
        String trimmed = reason.replaceFirst("\\s*\\(\\d+ attempts?\\)$", "").strip();
        return trimmed.endsWith(".") ? trimmed : trimmed + ".";
    }
}
