package org.quittance.mail.entity;

public enum MailState {
    /** Waiting for the relay. */
    PENDING,
    /** Handed to the SMTP server. */
    SENT,
    /** No SMTP server is configured: kept in the outbox for staff to read, not sent. */
    RECORDED,
    /** The SMTP server refused it too often; staff can see why. */
    FAILED
}
