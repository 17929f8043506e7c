package org.quittance.billing.entity;

import jakarta.persistence.*;
import org.quittance.clients.entity.Matter;
import org.quittance.ledger.entity.LedgerAccount;
import org.quittance.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * An invoice of a matter. Lines and rates can change only while it is a draft; finalising gives it
 * its number (gap-free, see InvoiceNumbers) and freezes it. Totals are recomputed by
 * {@link InvoiceTotals} after every change, so what is stored is always what the rules give.
 */
@Entity
@Table(name = "invoice")
public class Invoice implements java.io.Serializable {

    @Id
    @SequenceGenerator(name = "invoice_seq", sequenceName = "invoice_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "invoice_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "matter_id")
    private Matter matter;

    /** The matter's id as a plain column, for queries that compare it without joining the matter (PortalInvoices). */
    @Column(name = "matter_id", insertable = false, updatable = false)
    private Long matterId;

    private String number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private InvoiceState state = InvoiceState.DRAFT;

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(name = "issue_date")
    private LocalDate issueDate;

    @Column(name = "due_date")
    private LocalDate dueDate;

    @Column(name = "discount_percent", nullable = false)
    private BigDecimal discountPercent = BigDecimal.ZERO;

    @Column(name = "tax_rate_percent", nullable = false)
    private BigDecimal taxRatePercent;

    @Column(name = "tax_label", nullable = false)
    private String taxLabel;

    @Column(nullable = false)
    private BigDecimal subtotal = BigDecimal.ZERO;

    @Column(nullable = false)
    private BigDecimal discount = BigDecimal.ZERO;

    @Column(nullable = false)
    private BigDecimal tax = BigDecimal.ZERO;

    @Column(nullable = false)
    private BigDecimal total = BigDecimal.ZERO;

    @Column(name = "balance_due", nullable = false)
    private BigDecimal balanceDue = BigDecimal.ZERO;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "replaces_id")
    private Invoice replaces;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "finalised_at")
    private OffsetDateTime finalisedAt;

    @Column(name = "published_at")
    private OffsetDateTime publishedAt;

    @Column(name = "published_by")
    private String publishedBy;

    /** Printed with Print selected, for a client who gets paper (issue 19); the latest time. */
    @Column(name = "posted_at")
    private OffsetDateTime postedAt;

    @Column(name = "posted_by")
    private String postedBy;

    /** The client contests this invoice: no reminder is sent while it is (issue 19). */
    @Column(name = "disputed_at")
    private OffsetDateTime disputedAt;

    @Column(name = "dispute_reason")
    private String disputeReason;

    @Column(name = "voided_at")
    private OffsetDateTime voidedAt;

    @Column(name = "void_reason")
    private String voidReason;

    @OneToMany(mappedBy = "invoice", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<InvoiceLine> lines = new ArrayList<>();

    @Version
    private long version;

    protected Invoice() {
    }

    public Invoice(Matter matter, BigDecimal taxRatePercent, String taxLabel, String createdBy, OffsetDateTime createdAt) {
        this.matter = matter;
        this.matterId = matter.id();
        this.currency = matter.currency();
        this.taxRatePercent = taxRatePercent;
        this.taxLabel = taxLabel;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public void add(InvoiceLine line) {
        requireDraft("add lines to");
        if (!line.unitPriceCurrencyMatches(currency)) {
            throw new IllegalArgumentException("A line in another currency cannot go on a " + currency + " invoice");
        }
        line.attach(this, lines.size() + 1);
        line.markWork(true);
        lines.add(line);
        recompute();
    }

    public void removeLine(Long lineId) {
        requireDraft("remove lines from");
        lines.stream().filter(l -> l.id() != null && l.id().equals(lineId)).findFirst().ifPresent(line -> {
            line.releaseWork();
            lines.remove(line);
        });
        for (int i = 0; i < lines.size(); i++) {
            lines.get(i).attach(this, i + 1);
        }
        recompute();
    }

    public void setRates(BigDecimal discountPercent, BigDecimal taxRatePercent) {
        requireDraft("change the rates of");
        this.discountPercent = discountPercent;
        this.taxRatePercent = taxRatePercent;
        recompute();
    }

    /** Freezes the invoice under its number. */
    public void finalise(String number, LocalDate issueDate, int paymentTermsDays, OffsetDateTime now) {
        requireDraft("finalise");
        if (lines.isEmpty()) {
            throw new IllegalStateException("An invoice needs at least one line");
        }
        if (!total().isPositive()) {
            throw new IllegalStateException("An invoice must have a positive total");
        }
        this.number = number;
        this.issueDate = issueDate;
        this.dueDate = issueDate.plusDays(paymentTermsDays);
        this.finalisedAt = now;
        this.balanceDue = total;
        this.state = InvoiceState.FINAL;
    }

    public void markPublished(String by, OffsetDateTime now) {
        if (state != InvoiceState.FINAL) {
            throw new IllegalStateException("Invoice " + number + " is " + state.label().toLowerCase() + ", not final");
        }
        this.state = InvoiceState.PUBLISHED;
        this.publishedAt = now;
        this.publishedBy = by;
    }

    /**
     * A receipt pays part or all of what is owed: partly paid, or paid once nothing is left.
     * @throws IllegalStateException when the invoice cannot take payments or the amount exceeds its balance
     */
    public void receive(Money amount) {
        if (!state.isPayable()) {
            throw new IllegalStateException("Invoice " + number + " is " + state.label().toLowerCase() + " and cannot take a payment");
        }
        if (!amount.isPositive() || amount.compareTo(balanceDue()) > 0) {
            throw new IllegalStateException("Invoice " + number + " owes " + balanceDue() + "; it cannot take " + amount);
        }
        balanceDue = balanceDue().minus(amount).amount();
        state = balanceDue.signum() == 0 ? InvoiceState.PAID : InvoiceState.PARTLY_PAID;
    }

    /** A payment taken back (undone, charged back, returned by the bank): the invoice owes it again. */
    public void reopen(Money amount) {
        if (state != InvoiceState.PAID && state != InvoiceState.PARTLY_PAID) {
            throw new IllegalStateException("Invoice " + number + " is " + state.label().toLowerCase() + ": there is no payment to take back");
        }
        Money owed = balanceDue().plus(amount);
        if (!amount.isPositive() || owed.compareTo(total()) > 0) {
            throw new IllegalStateException("Invoice " + number + " cannot owe more than its total of " + total());
        }
        balanceDue = owed.amount();
        state = owed.compareTo(total()) < 0 ? InvoiceState.PARTLY_PAID : publishedAt != null ? InvoiceState.PUBLISHED : InvoiceState.FINAL;
    }

    /** Void: keeps the number and history. @param releaseWork whether the billed work becomes unbilled again */
    public void voidInvoice(String reason, boolean releaseWork, OffsetDateTime now) {
        if (state != InvoiceState.FINAL && state != InvoiceState.PUBLISHED) {
            throw new IllegalStateException("Only a final or published invoice without payments can be voided; this one is "
                    + state.label().toLowerCase());
        }
        if (balanceDue.compareTo(total) != 0) {
            throw new IllegalStateException("An invoice with payments cannot be voided");
        }
        this.state = InvoiceState.VOID;
        this.voidReason = reason;
        this.voidedAt = now;
        this.balanceDue = BigDecimal.ZERO;
        if (releaseWork) {
            lines.forEach(InvoiceLine::releaseWork);
        }
    }

    /** A new draft with the same lines, which replaces this voided invoice. */
    public Invoice reissue(String by, OffsetDateTime now) {
        if (state != InvoiceState.VOID) {
            throw new IllegalStateException("Only a voided invoice can be re-issued");
        }
        Invoice draft = new Invoice(matter, taxRatePercent, taxLabel, by, now);
        draft.discountPercent = discountPercent;
        draft.replaces = this;
        for (InvoiceLine line : lines) {
            draft.add(line.copy());
        }
        return draft;
    }

    /** Deleting a draft gives its work back. */
    public void releaseAllWork() {
        requireDraft("delete");
        lines.forEach(InvoiceLine::releaseWork);
    }

    private void recompute() {
        InvoiceTotals.Totals totals = InvoiceTotals.of(
                lines.stream().map(l -> new InvoiceTotals.Line(l.kind(), l.amount(), l.taxable())).toList(),
                discountPercent, taxRatePercent, currency);
        this.subtotal = totals.subtotal().amount();
        this.discount = totals.discount().amount();
        this.tax = totals.tax().amount();
        this.total = totals.total().amount();
    }

    private void requireDraft(String action) {
        if (state != InvoiceState.DRAFT) {
            throw new IllegalStateException("Cannot " + action + " invoice " + number + ": it is " + state.label().toLowerCase());
        }
    }

    private Money money(BigDecimal amount) {
        return Money.of(amount, currency);
    }

    public Long id() { return id; }

    /** The ledgers an entry about this invoice goes on: its client's, its matter's and its own. */
    public LedgerAccount ledgerAccount() {
        return new LedgerAccount(matter.client().id(), matter.id(), id);
    }
    public Matter matter() { return matter; }
    public String number() { return number; }
    public InvoiceState state() { return state; }
    public String currency() { return currency; }
    public LocalDate issueDate() { return issueDate; }
    public LocalDate dueDate() { return dueDate; }
    public BigDecimal discountPercent() { return discountPercent; }
    public BigDecimal taxRatePercent() { return taxRatePercent; }
    public String taxLabel() { return taxLabel; }
    public Money subtotal() { return money(subtotal); }
    public Money discount() { return money(discount); }
    public Money tax() { return money(tax); }
    public Money total() { return money(total); }
    public Money balanceDue() { return money(balanceDue); }
    public Invoice replaces() { return replaces; }
    public String createdBy() { return createdBy; }
    public OffsetDateTime createdAt() { return createdAt; }
    public OffsetDateTime publishedAt() { return publishedAt; }
    public String publishedBy() { return publishedBy; }
    public OffsetDateTime voidedAt() { return voidedAt; }
    public String voidReason() { return voidReason; }
    public List<InvoiceLine> lines() { return List.copyOf(lines); }
    public long version() { return version; }
    public OffsetDateTime disputedAt() { return disputedAt; }
    public String disputeReason() { return disputeReason; }
    public boolean disputed() { return disputedAt != null; }

    /** Published and not yet paid in full: what the client is asked to pay, reminded of, and may dispute. */
    public boolean awaitsPayment() {
        return publishedAt != null && state.isPayable() && balanceDue.signum() > 0;
    }

    public void dispute(String reason, OffsetDateTime now) {
        this.disputedAt = now;
        this.disputeReason = reason;
    }

    public OffsetDateTime postedAt() { return postedAt; }
    public String postedBy() { return postedBy; }

    /** Printed to be sent by post (again, if it was before: the latest print counts). */
    public void markPosted(String by, OffsetDateTime now) {
        if (state == InvoiceState.DRAFT || state == InvoiceState.VOID) {
            throw new IllegalStateException("Invoice " + number + " is " + state.label().toLowerCase() + ": it cannot be sent");
        }
        this.postedAt = now;
        this.postedBy = by;
    }

    public void settleDispute() {
        this.disputedAt = null;
        this.disputeReason = null;
    }
}
