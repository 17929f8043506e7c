package org.quittance.mail.entity;

public enum MailState {
    /** Waiting for the relay. */
    PENDING("Waiting to be sent"),
    /** Handed to the SMTP server. */
    SENT("Sent"),
    /** No SMTP server is configured: kept in the outbox for staff to read, not sent. */
    RECORDED("Kept here (no mail server configured)"),
    /** The SMTP server refused it too often; staff can see why. */
    FAILED("Failed");

    private final String label;

    MailState(String label) {
        this.label = label;
    }

    /** The state in words for the outbox. */
    public String label() {
        return label;
    }
}
