package org.quittance.receipts.entity;

import jakarta.persistence.*;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;
import org.quittance.money.Money;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Money a client paid the firm, before and after it reaches the books. A processor receipt is one
 * payment (its payment reference), whether a notification or the receipt import saw it first; the
 * import adds what only the settlement knows (fee, net, payout). Its split over invoices can change
 * until it is accepted; accepting posts it to the ledgers, undoing posts the reverse.
 */
@Entity
@Table(name = "receipt")
public class Receipt {

    /** The sequence of receipt ids, which hands them out in blocks of {@link #ID_BLOCK}. */
    public static final String ID_SEQUENCE = "receipt_seq";
    public static final int ID_BLOCK = 50;

    @Id
    @SequenceGenerator(name = "receipt_seq", sequenceName = ID_SEQUENCE, allocationSize = ID_BLOCK)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "receipt_seq")
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReceiptSource source;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PaymentMethod method;

    /** The processor's payment (PaymentIntent), the cheque number, the bank's reference. */
    @Column(name = "payment_reference", nullable = false)
    private String paymentReference;

    /** The processor's settled transaction (balance transaction), once the import has seen it. */
    @Column(name = "settlement_id")
    private String settlementId;

    @Column(name = "charge_reference")
    private String chargeReference;

    @Column(name = "client_id")
    private Long clientId;

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(nullable = false)
    private BigDecimal gross;

    private BigDecimal fee;

    private BigDecimal net;

    private String payout;

    private String description;

    @Column(name = "received_at", nullable = false)
    private OffsetDateTime receivedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReceiptState state = ReceiptState.AWAITING_ACCEPTANCE;

    @Enumerated(EnumType.STRING)
    @Column(name = "match_kind", nullable = false)
    private MatchKind matchKind = MatchKind.NONE;

    @Column(name = "match_reason")
    private String matchReason;

    @Column(name = "state_reason")
    private String stateReason;

    /** What was left over when it was accepted: the client's unapplied credit from this receipt. */
    @Column(nullable = false)
    private BigDecimal unapplied = BigDecimal.ZERO;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private OffsetDateTime decidedAt;

    /** Invoice id → the part of the receipt that pays it. */
    @ElementCollection(fetch = FetchType.EAGER)
    @BatchFetch(BatchFetchType.IN)
    @CollectionTable(name = "receipt_allocation", joinColumns = @JoinColumn(name = "receipt_id"))
    @MapKeyColumn(name = "invoice_id")
    @Column(name = "amount", nullable = false)
    private Map<Long, BigDecimal> allocations = new LinkedHashMap<>();

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    /** The staff form that entered it: saving the same form twice finds this receipt. */
    @Column(name = "entry_key")
    private String entryKey;

    /** What went back to the client through refunds, cumulative. */
    @Column(nullable = false)
    private BigDecimal refunded = BigDecimal.ZERO;

    /** A chargeback has withdrawn the money and the dispute is not won (yet). */
    @Column(nullable = false)
    private boolean disputed;

    @Version
    private long version;

    protected Receipt() {
    }

    public Receipt(ReceiptSource source, PaymentMethod method, String paymentReference, Money gross, OffsetDateTime receivedAt,
                   String description, OffsetDateTime now) {
        if (!gross.isPositive()) {
            throw new IllegalArgumentException("A receipt must be for an amount above zero");
        }
        this.source = source;
        this.method = method;
        this.paymentReference = paymentReference;
        this.gross = gross.amount();
        this.currency = gross.currency();
        this.receivedAt = receivedAt;
        // What the payer wrote is theirs to make long: the column keeps the first 500 characters.
        this.description = description == null || description.length() <= 500 ? description : description.substring(0, 499) + "…";
        this.createdAt = now;
    }

    /** A receipt staff enter by hand (cheque, cash, wire): they name the client; the form's key guards against saving it twice. */
    public static Receipt entered(PaymentMethod method, String reference, Long clientId, Money amount, OffsetDateTime receivedAt,
                                  String note, String entryKey, OffsetDateTime now) {
        if (method == PaymentMethod.CARD) {
            throw new IllegalArgumentException("Card payments come from the processor, not by hand");
        }
        Receipt receipt = new Receipt(ReceiptSource.MANUAL, method, reference, amount, receivedAt, note, now);
        receipt.clientId = clientId;
        receipt.entryKey = entryKey;
        return receipt;
    }

    /** Who paid and for which invoices, as far as we can tell; only while it waits for acceptance. */
    public void match(MatchKind kind, Long clientId, Map<Long, Money> split, String reason) {
        requireAwaiting("change the match of");
        this.matchKind = kind;
        this.clientId = clientId;
        this.matchReason = reason;
        this.allocations.clear();
        split.forEach((invoice, amount) -> {
            if (!amount.currency().equals(currency)) {
                throw new IllegalArgumentException("A " + currency + " receipt cannot pay a " + amount.currency() + " amount");
            }
            if (amount.isPositive()) {
                allocations.put(invoice, amount.amount());
            }
        });
        Money limit = gross().minus(refunded());
        if (allocated().compareTo(limit) > 0) {
            throw new IllegalArgumentException("The split (" + allocated() + ") is more than the receipt (" + limit
                    + (refunded.signum() > 0 ? " after refunds" : "") + ")");
        }
    }

    /** What only the settlement tells: the processor's fee, the net and the payout it went out in. */
    public void settle(String settlementId, String chargeReference, Money fee, Money net, String payout) {
        if (this.settlementId == null) this.settlementId = settlementId;
        if (this.chargeReference == null) this.chargeReference = chargeReference;
        if (fee != null) this.fee = fee.amount();
        if (net != null) this.net = net.amount();
        if (payout != null) this.payout = payout;
    }

    public void accept(Money unapplied, String by, OffsetDateTime now) {
        requireAwaiting("accept");
        this.unapplied = unapplied.amount();
        decide(ReceiptState.ACCEPTED, null, by, now);
    }

    public void reject(String reason, String by, OffsetDateTime now) {
        requireAwaiting("reject");
        decide(ReceiptState.REJECTED, reason, by, now);
    }

    /** Back to awaiting acceptance; the ledger gets the reversing entries. */
    public void undoAcceptance(String reason, String by, OffsetDateTime now) {
        if (state != ReceiptState.ACCEPTED) {
            throw new IllegalStateException("Only an accepted receipt can be undone; this one is " + state.label().toLowerCase());
        }
        this.unapplied = BigDecimal.ZERO;
        decide(ReceiptState.AWAITING_ACCEPTANCE, reason, by, now);
    }

    /** The money went back (chargeback, bank return): nothing of it counts any more. */
    public void reverse(String reason, String by, OffsetDateTime now) {
        if (state == ReceiptState.REVERSED) {
            return;
        }
        this.unapplied = BigDecimal.ZERO;
        decide(ReceiptState.REVERSED, reason, by, now);
    }

    /**
     * A refund reported or issued: the cumulative amount refunded so far (the largest report wins,
     * so a notification arriving twice or late changes nothing).
     * @return what is refunded now that was not before
     */
    public Money refund(Money totalRefunded) {
        if (!totalRefunded.currency().equals(currency)) {
            throw new IllegalArgumentException("A " + currency + " receipt cannot be refunded in " + totalRefunded.currency());
        }
        Money before = refunded();
        if (totalRefunded.compareTo(before) <= 0) {
            return Money.zero(currency);
        }
        if (totalRefunded.compareTo(gross()) > 0) {
            throw new IllegalArgumentException("Refunds (" + totalRefunded + ") cannot exceed the receipt (" + gross() + ")");
        }
        this.refunded = totalRefunded.amount();
        return totalRefunded.minus(before);
    }

    /** Takes parts off the receipt's invoices and credit after money went back; the receipt holds only the rest. */
    public void reduce(Map<Long, Money> fromInvoices, Money fromCredit) {
        fromInvoices.forEach((invoice, part) -> {
            BigDecimal left = allocations.get(invoice).subtract(part.amount());
            if (left.signum() > 0) {
                allocations.put(invoice, left);
            } else {
                allocations.remove(invoice);
            }
        });
        this.unapplied = unapplied.subtract(fromCredit.amount()).max(BigDecimal.ZERO);
    }

    /** A chargeback withdrew the money (true), or the firm won it back (false). */
    public void disputed(boolean disputed) {
        this.disputed = disputed;
    }

    /** A receipt reversed by a chargeback the firm then won waits to be applied again. */
    public void reinstate(String reason, String by, OffsetDateTime now) {
        if (state != ReceiptState.REVERSED) {
            throw new IllegalStateException("Only a reversed receipt can be reinstated; this one is " + state.label().toLowerCase());
        }
        decide(ReceiptState.AWAITING_ACCEPTANCE, reason, by, now);
    }

    /** What the firm keeps of the receipt: nothing while a chargeback holds it, else what was not refunded. */
    public Money kept() {
        return disputed ? Money.zero(currency) : gross().minus(refunded());
    }

    private void decide(ReceiptState next, String reason, String by, OffsetDateTime now) {
        this.state = next;
        this.stateReason = reason;
        this.decidedBy = by;
        this.decidedAt = now;
    }

    private void requireAwaiting(String action) {
        if (state != ReceiptState.AWAITING_ACCEPTANCE) {
            throw new IllegalStateException("Cannot " + action + " receipt " + paymentReference + ": it is " + state.label().toLowerCase());
        }
    }

    private Money money(BigDecimal amount) {
        return amount == null ? null : Money.of(amount, currency);
    }

    public Money allocated() {
        return allocations.values().stream().map(this::money).reduce(Money.zero(currency), Money::plus);
    }

    public Map<Long, Money> allocations() {
        Map<Long, Money> split = new LinkedHashMap<>();
        allocations.forEach((invoice, amount) -> split.put(invoice, money(amount)));
        return split;
    }

    public Long id() { return id; }
    public ReceiptSource source() { return source; }
    public PaymentMethod method() { return method; }
    public String paymentReference() { return paymentReference; }
    public String settlementId() { return settlementId; }
    public String chargeReference() { return chargeReference; }
    public Long clientId() { return clientId; }
    public String currency() { return currency; }
    public Money gross() { return money(gross); }
    public Money fee() { return money(fee); }
    public Money net() { return money(net); }
    public String payout() { return payout; }
    public String description() { return description; }
    public OffsetDateTime receivedAt() { return receivedAt; }
    public ReceiptState state() { return state; }
    public MatchKind matchKind() { return matchKind; }
    public String matchReason() { return matchReason; }
    public String stateReason() { return stateReason; }
    public Money unapplied() { return money(unapplied); }
    public String decidedBy() { return decidedBy; }
    public OffsetDateTime decidedAt() { return decidedAt; }
    public String entryKey() { return entryKey; }
    public OffsetDateTime createdAt() { return createdAt; }
    public Money refunded() { return money(refunded); }
    public boolean disputed() { return disputed; }
    public long version() { return version; }
}
