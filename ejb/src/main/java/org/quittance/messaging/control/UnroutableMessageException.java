package org.quittance.messaging.control;

import jakarta.ejb.ApplicationException;

/**
 * A message that no handler takes: it must end in the dead-letter queue, not vanish. An application
 * exception, so the transaction rolls back (and the broker redelivers) without an ERROR stack trace
 * per attempt; the listener logs one warning per attempt instead.
 */
@ApplicationException(rollback = true)
public class UnroutableMessageException extends RuntimeException {

    public UnroutableMessageException(String message) {
        super(message);
    }
}
