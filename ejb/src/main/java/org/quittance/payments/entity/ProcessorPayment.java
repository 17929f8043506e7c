package org.quittance.payments.entity;

import jakarta.persistence.*;
import org.quittance.money.Money;
import org.quittance.payments.processor.PaymentEvent;
import org.quittance.payments.control.PaymentFacts;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A payment as the processor reports it; its state follows from the facts its notifications added. */
@Entity
@Table(name = "processor_payment")
public class ProcessorPayment {

    @Id
    @SequenceGenerator(name = "processor_payment_seq", sequenceName = "processor_payment_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "processor_payment_seq")
    private Long id;

    @Column(nullable = false)
    private String processor;

    @Column(name = "payment_intent")
    private String paymentIntent;

    private String charge;

    @Column(length = 3)
    private String currency;

    private BigDecimal amount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PaymentState state = PaymentState.PENDING;

    @Column(nullable = false)
    private boolean succeeded;

    @Column(nullable = false)
    private boolean failed;

    @Column(name = "failure_reason")
    private String failureReason;

    @Column(nullable = false)
    private BigDecimal refunded = BigDecimal.ZERO;

    @Column(name = "dispute_opened", nullable = false)
    private boolean disputeOpened;

    @Column(name = "dispute_won", nullable = false)
    private boolean disputeWon;

    @Column(name = "dispute_lost", nullable = false)
    private boolean disputeLost;

    private String metadata;

    @Column(name = "checkout_id")
    private Long checkoutId;

    @Column(name = "card_brand")
    private String cardBrand;

    @Column(name = "card_last4")
    private String cardLast4;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    private long version;

    protected ProcessorPayment() {
    }

    public ProcessorPayment(String processor, String paymentIntent, String charge, OffsetDateTime now) {
        this.processor = processor;
        this.paymentIntent = paymentIntent;
        this.charge = charge;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Learns what a notification tells: references and amount not known before, and its event. */
    public PaymentState apply(String paymentIntent, String charge, Money amount, String metadata, PaymentEvent event, OffsetDateTime now) {
        if (this.paymentIntent == null) this.paymentIntent = paymentIntent;
        if (this.charge == null) this.charge = charge;
        if (this.amount == null && amount != null) {
            this.amount = amount.amount();
            this.currency = amount.currency();
        }
        if (this.metadata == null && metadata != null) this.metadata = metadata;
        if (this.amount == null) {
            // Without an amount the facts cannot weigh refunds; keep what is certain.
            if (event instanceof PaymentEvent.Succeeded) succeeded = true;
            if (event instanceof PaymentEvent.Failed f) { failed = true; if (failureReason == null) failureReason = f.reason(); }
            if (event instanceof PaymentEvent.RefundAdded r) {
                // Kept until the amount is known: a refund reported on its own is not reported again.
                currency = r.amount().currency();
                refunded = refunded.add(r.amount().amount());
            }
            state = succeeded ? PaymentState.SUCCEEDED : failed ? PaymentState.FAILED : PaymentState.PENDING;
        } else {
            PaymentFacts facts = facts().with(event);
            succeeded = facts.succeeded();
            failed = facts.failed();
            failureReason = facts.failureReason();
            refunded = facts.refunded().amount();
            disputeOpened = facts.disputeOpened();
            disputeWon = facts.disputeWon();
            disputeLost = facts.disputeLost();
            state = facts.state();
        }
        updatedAt = now;
        return state;
    }

    /**
     * The portal checkout this payment pays, and the card's brand and last four digits. Once the
     * payment succeeded, only the card that paid counts: a refused card's notification arriving
     * late does not replace it.
     */
    public void learn(Long checkoutId, String cardBrand, String cardLast4, boolean fromSuccess) {
        if (this.checkoutId == null) this.checkoutId = checkoutId;
        if (cardBrand != null && cardLast4 != null && (fromSuccess || !succeeded)) {
            this.cardBrand = cardBrand;
            this.cardLast4 = cardLast4;
        }
    }

    private PaymentFacts facts() {
        Money total = Money.of(amount, currency);
        return new PaymentFacts(total, succeeded, failed, failureReason, Money.of(refunded, currency), disputeOpened, disputeWon, disputeLost);
    }

    public Long id() { return id; }
    public String processor() { return processor; }
    public String paymentIntent() { return paymentIntent; }
    public String charge() { return charge; }
    public Money amount() { return amount == null ? null : Money.of(amount, currency); }
    public PaymentState state() { return state; }
    public boolean succeeded() { return succeeded; }
    public String failureReason() { return failureReason; }
    public Money refunded() { return currency == null ? null : Money.of(refunded, currency); }
    /** What the firm holds of it now (see {@link PaymentFacts#retained()}); null while the amount is unknown. */
    public Money retained() { return amount == null ? null : facts().retained(); }
    /** The client's bank took the money back and the firm has not won it back (yet). */
    public boolean chargedBack() { return disputeOpened && (disputeLost || !disputeWon); }
    public String metadata() { return metadata; }
    public Long checkoutId() { return checkoutId; }
    public String cardBrand() { return cardBrand; }
    public String cardLast4() { return cardLast4; }

    /**
     * "Visa ending 4242" or "Bacs Direct Debit ending 2345", as the client and the firm see the card or
     * account; null when the processor did not say.
     */
    public String cardLabel() {
        if (cardLast4 == null) return null;
        String brand = cardBrand == null ? "Card" : bankDebit().map(BankDebit::label).orElseGet(() -> switch (cardBrand) {
            case "visa" -> "Visa";
            case "mastercard" -> "Mastercard";
            case "amex" -> "American Express";
            case "discover" -> "Discover";
            case "diners" -> "Diners Club";
            case "jcb" -> "JCB";
            case "unionpay" -> "UnionPay";
            default -> cardBrand;
        });
        return brand + " ending " + cardLast4;
    }
    /** The bank debit this payment is, if it is not a card. */
    public java.util.Optional<BankDebit> bankDebit() {
        return cardBrand == null ? java.util.Optional.empty() : BankDebit.ofMethod(cardBrand);
    }

    public OffsetDateTime createdAt() { return createdAt; }
    public OffsetDateTime updatedAt() { return updatedAt; }
}
