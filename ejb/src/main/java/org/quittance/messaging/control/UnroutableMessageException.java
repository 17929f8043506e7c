package org.quittance.messaging.control;

/** A message that no handler takes: it must end in the dead-letter queue, not vanish. */
public class UnroutableMessageException extends RuntimeException {

    public UnroutableMessageException(String message) {
        super(message);
    }
}
