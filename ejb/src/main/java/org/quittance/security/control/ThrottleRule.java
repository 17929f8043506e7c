package org.quittance.security.control;

import java.time.Duration;

/**
 * How many attempts of one kind one subject (a remote address, an e-mail address) may make in a
 * window: the first ones at full speed, then each one slowed a little more, then refused until the
 * window ends.
 */
public enum ThrottleRule {
    /** Failed sign-ins from one address, whatever the logins: guessing many accounts is slowed, then refused too. */
    SIGN_IN_FAILURES_BY_ADDRESS(5, 20, Duration.ofMinutes(15)),
    /** Password-reset requests from one address. */
    RESETS_BY_ADDRESS(3, 10, Duration.ofHours(1)),
    /** Password-reset e-mails to one address: a client cannot be mail-bombed from the firm's server. */
    RESETS_BY_EMAIL(3, 3, Duration.ofHours(1)),
    /** Attempts at first-run setup from one address: the code is long, this only keeps guessing dear. */
    SETUP_BY_ADDRESS(3, 10, Duration.ofHours(1));

    /** The first slowed attempt waits this long, each later one twice as long as the one before, up to {@link #LONGEST_WAIT}. */
    static final Duration FIRST_WAIT = Duration.ofMillis(500);
    static final Duration LONGEST_WAIT = Duration.ofSeconds(4);

    /** What happens to the next attempt. */
    public record Verdict(boolean refused, Duration delay) {
        public static final Verdict GO = new Verdict(false, Duration.ZERO);
        static final Verdict REFUSED = new Verdict(true, Duration.ZERO);
    }

    private final int fullSpeed;
    private final int limit;
    private final Duration window;

    ThrottleRule(int fullSpeed, int limit, Duration window) {
        this.fullSpeed = fullSpeed;
        this.limit = limit;
        this.window = window;
    }

    public int limit() { return limit; }

    public Duration window() { return window; }

    /** Whether the attempt that made the count {@code hits} is still allowed. */
    public boolean allows(int hits) {
        return hits <= limit;
    }

    /** The next attempt's fate, given the attempts already counted in the window. */
    public Verdict next(int counted) {
        if (counted >= limit) {
            return Verdict.REFUSED;
        }
        if (counted < fullSpeed) {
            return Verdict.GO;
        }
        int doublings = Math.min(counted - fullSpeed, 16);  // bounded before the shift; the cap takes over long before
        Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
        return new Verdict(false, wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait);
    }
}
