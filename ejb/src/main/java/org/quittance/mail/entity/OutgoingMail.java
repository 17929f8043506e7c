package org.quittance.mail.entity;

import jakarta.persistence.*;

import java.time.OffsetDateTime;

/**
 * One e-mail in the outbox. It is written in the same transaction as the business change that
 * causes it, and relayed afterwards; its message key makes a second copy impossible.
 */
@Entity
@Table(name = "mail_outbox")
public class OutgoingMail {

    /** After this many refusals a message is parked as FAILED instead of retried. */
    public static final int MAX_ATTEMPTS = 5;

    @Id
    @SequenceGenerator(name = "mail_outbox_seq", sequenceName = "mail_outbox_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mail_outbox_seq")
    private Long id;

    @Column(name = "message_key", nullable = false, unique = true)
    private String messageKey;

    @Column(nullable = false)
    private String recipient;

    @Column(nullable = false)
    private String subject;

    @Column(nullable = false)
    private String body;

    /** Removed from the body once delivered: a live link in the outbox would let staff act as the client. */
    private String secret;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MailState state;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "sent_at")
    private OffsetDateTime sentAt;

    @Version
    private long version;

    protected OutgoingMail() {
    }

    public static final String REDACTED = "[link removed once sent]";

    public void sent(OffsetDateTime at) {
        state = MailState.SENT;
        sentAt = at;
        attempts++;
        lastError = null;
        forgetSecret();
    }

    public void recordedOnly() {
        state = MailState.RECORDED;
        lastError = "No SMTP server is configured (QUITTANCE_SMTP_HOST); kept in the outbox.";
    }

    public void refused(String reason) {
        attempts++;
        lastError = reason;
        if (attempts >= MAX_ATTEMPTS) {
            state = MailState.FAILED;
            forgetSecret();
        }
    }

    private void forgetSecret() {
        if (secret != null) {
            body = body.replace(secret, REDACTED);
            secret = null;
        }
    }

    public Long id() { return id; }
    public String messageKey() { return messageKey; }
    public String recipient() { return recipient; }
    public String subject() { return subject; }
    public String body() { return body; }
    public MailState state() { return state; }
    public int attempts() { return attempts; }
    public String lastError() { return lastError; }
    public OffsetDateTime createdAt() { return createdAt; }
    public OffsetDateTime sentAt() { return sentAt; }
}
