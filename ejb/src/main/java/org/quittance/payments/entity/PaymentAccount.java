package org.quittance.payments.entity;

import jakarta.persistence.*;
import org.quittance.firm.entity.Firm;

import java.time.OffsetDateTime;

/**
 * The firm's account at a payment processor. Secrets are held only as ciphertext (see
 * {@code SecretBox}); the hints are their last four characters, which is all a screen ever shows.
 */
@Entity
@Table(name = "payment_account")
public class PaymentAccount {

    @Id
    @SequenceGenerator(name = "payment_account_seq", sequenceName = "payment_account_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "payment_account_seq")
    private Long id;

    @OneToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "firm_id")
    private Firm firm;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ProcessorKind processor;

    @Column(nullable = false)
    private boolean live;

    @Column(name = "account_label")
    private String accountLabel;

    @Column(name = "publishable_key")
    private String publishableKey;

    @Column(name = "secret_key_cipher")
    private String secretKeyCipher;

    @Column(name = "secret_key_hint")
    private String secretKeyHint;

    @Column(name = "webhook_secret_cipher")
    private String webhookSecretCipher;

    @Column(name = "webhook_secret_hint")
    private String webhookSecretHint;

    @Column(name = "last_test_at")
    private OffsetDateTime lastTestAt;

    @Column(name = "last_test_ok")
    private Boolean lastTestOk;

    @Column(name = "last_test_message")
    private String lastTestMessage;

    @Version
    private long version;

    protected PaymentAccount() {
    }

    public PaymentAccount(Firm firm, ProcessorKind processor) {
        this.firm = firm;
        this.processor = processor;
    }

    public void configure(ProcessorKind processor, boolean live, String accountLabel, String publishableKey) {
        if (processor == ProcessorKind.SANDBOX && live) {
            throw new IllegalArgumentException("The sandbox processor cannot take live payments");
        }
        this.processor = processor;
        this.live = live;
        this.accountLabel = accountLabel;
        this.publishableKey = publishableKey;
        this.lastTestAt = null;
        this.lastTestOk = null;
        this.lastTestMessage = null;
    }

    public void replaceSecretKey(String cipher, String hint) {
        this.secretKeyCipher = cipher;
        this.secretKeyHint = hint;
    }

    public void replaceWebhookSecret(String cipher, String hint) {
        this.webhookSecretCipher = cipher;
        this.webhookSecretHint = hint;
    }

    public void recordTest(boolean ok, String message, OffsetDateTime at) {
        this.lastTestOk = ok;
        this.lastTestMessage = message;
        this.lastTestAt = at;
    }

    /** Ready to take payments: a sandbox always is; a real processor needs its secret key and a passed test. */
    public boolean readyForPayments() {
        return processor == ProcessorKind.SANDBOX
                || (processor.takesCardPayments() && secretKeyCipher != null && Boolean.TRUE.equals(lastTestOk));
    }

    public Long id() { return id; }
    public Firm firm() { return firm; }
    public ProcessorKind processor() { return processor; }
    public boolean live() { return live; }
    public String accountLabel() { return accountLabel; }
    public String publishableKey() { return publishableKey; }
    public String secretKeyCipher() { return secretKeyCipher; }
    public String secretKeyHint() { return secretKeyHint; }
    public String webhookSecretCipher() { return webhookSecretCipher; }
    public String webhookSecretHint() { return webhookSecretHint; }
    public OffsetDateTime lastTestAt() { return lastTestAt; }
    public Boolean lastTestOk() { return lastTestOk; }
    public String lastTestMessage() { return lastTestMessage; }
}
