package org.quittance.billing.entity;

import jakarta.persistence.*;
import org.quittance.clients.entity.Matter;
import org.quittance.money.Money;

import java.time.LocalDate;

/** A disbursement on a matter, to be passed on to the client. */
@Entity
@Table(name = "expense")
public class Expense implements java.io.Serializable {

    @Id
    @SequenceGenerator(name = "expense_seq", sequenceName = "expense_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "expense_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "matter_id")
    private Matter matter;

    @Column(name = "incurred_on", nullable = false)
    private LocalDate incurredOn;

    @Column(nullable = false)
    private String description;

    @Embedded
    @AttributeOverride(name = "amount", column = @Column(name = "amount"))
    @AttributeOverride(name = "currency", column = @Column(name = "amount_currency"))
    private Money amount;

    @Column(nullable = false)
    private boolean billed;

    @Version
    private long version;

    protected Expense() {
    }

    public Expense(Matter matter, LocalDate incurredOn, String description, Money amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("An expense cannot be negative: " + amount);
        }
        this.matter = matter;
        this.incurredOn = incurredOn;
        this.description = description;
        this.amount = amount;
    }

    /** Corrected while unbilled. */
    public void correct(LocalDate incurredOn, String description, Money amount) {
        if (billed) {
            throw new IllegalStateException("This expense is on an invoice; delete or void that invoice first");
        }
        this.incurredOn = incurredOn;
        this.description = description;
        this.amount = amount;
    }

    /** The matter's currency changed before its first invoice: the figure stays, in the new currency. */
    public void redenominate(Money amount) {
        if (billed) {
            throw new IllegalStateException("This work is on an invoice; its currency cannot change");
        }
        this.amount = amount;
    }

    /** Taken onto an invoice; released again when that invoice is deleted or voided. */
    public void markBilled(boolean billed) {
        this.billed = billed;
    }

    public Long id() { return id; }
    public Matter matter() { return matter; }
    public LocalDate incurredOn() { return incurredOn; }
    public String description() { return description; }
    public Money amount() { return amount; }
    public boolean billed() { return billed; }
}
