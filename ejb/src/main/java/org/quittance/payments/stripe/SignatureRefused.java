package org.quittance.payments.stripe;

/** A notification whose signature or timestamp does not check out; the reason is for the log, never stored. */
public class SignatureRefused extends Exception {

    public SignatureRefused(String reason) {
        super(reason);
    }
}
