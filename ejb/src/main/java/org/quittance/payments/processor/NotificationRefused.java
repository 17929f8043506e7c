package org.quittance.payments.processor;

/**
 * A webhook that is answered 400 and stored nowhere: bad or missing signature, stale timestamp, or a
 * body that is not an event. The reason goes to the log (never the body: it may be an attack).
 */
public class NotificationRefused extends Exception {

    public NotificationRefused(String reason) {
        super(reason);
    }
}
