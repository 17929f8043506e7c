package org.quittance.security.control;

import java.time.Duration;

/**
 * How many attempts of one kind one subject (a remote address, an e-mail address) may make in a
 * window before it is refused until the window ends.
 */
public enum ThrottleRule {
    /** Failed sign-ins from one address, whatever the logins: guessing many accounts is refused too. */
    SIGN_IN_FAILURES_BY_ADDRESS(20, Duration.ofMinutes(15)),
    /** Password-reset requests from one address. */
    RESETS_BY_ADDRESS(10, Duration.ofHours(1)),
    /** Password-reset e-mails to one address: a client cannot be mail-bombed from the firm's server. */
    RESETS_BY_EMAIL(3, Duration.ofHours(1));

    private final int limit;
    private final Duration window;

    ThrottleRule(int limit, Duration window) {
        this.limit = limit;
        this.window = window;
    }

    public int limit() { return limit; }

    public Duration window() { return window; }

    /** Whether the attempt that made the count {@code hits} is still allowed. */
    public boolean allows(int hits) {
        return hits <= limit;
    }
}
