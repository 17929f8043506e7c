package org.quittance.web.portal.webhooks;

import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * Logs refusals at most once per {@link #INTERVAL_NANOS}, with the number left unlogged since: a
 * flood of forged requests must not fill the disk through the server log.
 */
final class RefusalLog {

    private static final Logger LOG = Logger.getLogger(RefusalLog.class.getName());
    private static final long INTERVAL_NANOS = 10_000_000_000L;

    private final String what;
    private final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - INTERVAL_NANOS);
    private final AtomicLong suppressed = new AtomicLong();

    RefusalLog(String what) {
        this.what = what;
    }

    void log(String reason) {
        long now = System.nanoTime();
        long last = lastLogged.get();
        if (now - last >= INTERVAL_NANOS && lastLogged.compareAndSet(last, now)) {
            long more = suppressed.getAndSet(0);
            LOG.warning(() -> what + ": " + reason + (more > 0 ? " (and " + more + " more refused since the last report)" : ""));
        } else {
            suppressed.incrementAndGet();
        }
    }
}
