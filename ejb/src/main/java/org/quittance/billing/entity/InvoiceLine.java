package org.quittance.billing.entity;

import jakarta.persistence.*;
import org.quittance.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One line of an invoice; time, expense and fixed-fee lines remember the work they bill. */
@Entity
@Table(name = "invoice_line")
public class InvoiceLine implements java.io.Serializable {

    @Id
    @SequenceGenerator(name = "invoice_line_seq", sequenceName = "invoice_line_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "invoice_line_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "invoice_id")
    private Invoice invoice;

    @Column(nullable = false)
    private int position;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LineKind kind;

    @Column(name = "work_date")
    private LocalDate workDate;

    @Column(nullable = false)
    private String description;

    @Column(nullable = false)
    private BigDecimal quantity;

    @Column(name = "unit_price", nullable = false)
    private BigDecimal unitPrice;

    @Column(nullable = false)
    private BigDecimal amount;

    @Column(nullable = false)
    private boolean taxable;

    /** The currency a new line was priced in, checked against the invoice's when it is added. */
    @Transient
    private String currency;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "time_entry_id")
    private TimeEntry timeEntry;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "expense_id")
    private Expense expense;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "fixed_fee_id")
    private FixedFee fixedFee;

    protected InvoiceLine() {
    }

    private InvoiceLine(LineKind kind, LocalDate workDate, String description, BigDecimal quantity, Money unitPrice,
                        Money amount, boolean taxable) {
        this.kind = kind;
        this.workDate = workDate;
        this.description = description;
        this.quantity = quantity;
        this.unitPrice = unitPrice.amount();
        this.amount = amount.amount();
        this.taxable = taxable;
        this.currency = amount.currency();
    }

    public static InvoiceLine of(TimeEntry entry) {
        InvoiceLine line = new InvoiceLine(LineKind.TIME, entry.workDate(), entry.narrative() + " (" + entry.staff().displayName() + ")",
                entry.hours(), entry.rate(), entry.value(), true);
        line.timeEntry = entry;
        return line;
    }

    public static InvoiceLine of(Expense expense, boolean taxable) {
        InvoiceLine line = new InvoiceLine(LineKind.EXPENSE, expense.incurredOn(), expense.description(), BigDecimal.ONE,
                expense.amount(), expense.amount(), taxable);
        line.expense = expense;
        return line;
    }

    public static InvoiceLine of(FixedFee fee) {
        InvoiceLine line = new InvoiceLine(LineKind.FIXED_FEE, fee.agreedOn(), fee.description(), BigDecimal.ONE,
                fee.amount(), fee.amount(), true);
        line.fixedFee = fee;
        return line;
    }

    /** An ad-hoc fee line typed on the invoice: quantity × unit price, rounded once. */
    public static InvoiceLine adHoc(LocalDate date, String description, BigDecimal quantity, Money unitPrice) {
        return new InvoiceLine(LineKind.ADHOC, date, description, quantity, unitPrice, unitPrice.times(quantity), true);
    }

    /** The same line for a re-issued invoice, still pointing at the same work. */
    InvoiceLine copy() {
        InvoiceLine copy = new InvoiceLine();
        copy.kind = kind;
        copy.workDate = workDate;
        copy.description = description;
        copy.quantity = quantity;
        copy.unitPrice = unitPrice;
        copy.amount = amount;
        copy.taxable = taxable;
        copy.timeEntry = timeEntry;
        copy.expense = expense;
        copy.fixedFee = fixedFee;
        return copy;
    }

    boolean unitPriceCurrencyMatches(String invoiceCurrency) {
        return currency == null || currency.equals(invoiceCurrency);
    }

    void attach(Invoice invoice, int position) {
        this.invoice = invoice;
        this.position = position;
    }

    /** Gives the billed work back to "unbilled". */
    void releaseWork() {
        markWork(false);
    }

    void markWork(boolean billed) {
        if (timeEntry != null) {
            timeEntry.markBilled(billed);
        }
        if (expense != null) {
            expense.markBilled(billed);
        }
        if (fixedFee != null) {
            fixedFee.markBilled(billed);
        }
    }

    public Long id() { return id; }
    public int position() { return position; }
    public LineKind kind() { return kind; }
    public LocalDate workDate() { return workDate; }
    public String description() { return description; }
    public BigDecimal quantity() { return quantity; }
    public Money unitPrice() { return Money.of(unitPrice, invoice.currency()); }
    public Money amount() { return Money.of(amount, invoice.currency()); }
    public boolean taxable() { return taxable; }
}
