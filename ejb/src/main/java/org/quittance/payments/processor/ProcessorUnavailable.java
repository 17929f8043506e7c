package org.quittance.payments.processor;

/** The processor could not be reached or refused the request; the message can be shown to a user. */
public class ProcessorUnavailable extends Exception {

    public ProcessorUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
