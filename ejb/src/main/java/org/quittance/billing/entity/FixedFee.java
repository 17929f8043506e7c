package org.quittance.billing.entity;

import jakarta.persistence.*;
import org.quittance.clients.entity.Matter;
import org.quittance.money.Money;

import java.time.LocalDate;

/** A fee agreed as a fixed amount (a stage of a transaction, an annual return), billed like time. */
@Entity
@Table(name = "fixed_fee")
public class FixedFee implements java.io.Serializable {

    @Id
    @SequenceGenerator(name = "fixed_fee_seq", sequenceName = "fixed_fee_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "fixed_fee_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "matter_id")
    private Matter matter;

    @Column(name = "agreed_on", nullable = false)
    private LocalDate agreedOn;

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

    protected FixedFee() {
    }

    public FixedFee(Matter matter, LocalDate agreedOn, String description, Money amount) {
        this.matter = matter;
        this.agreedOn = agreedOn;
        this.description = description;
        this.amount = amount;
    }

    /** Corrected while unbilled. */
    public void correct(LocalDate agreedOn, String description, Money amount) {
        if (billed) {
            throw new IllegalStateException("This fixed fee is on an invoice; delete or void that invoice first");
        }
        this.agreedOn = agreedOn;
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
    public LocalDate agreedOn() { return agreedOn; }
    public String description() { return description; }
    public Money amount() { return amount; }
    public boolean billed() { return billed; }
}
