package org.quittance.billing.entity;

import jakarta.persistence.*;
import org.quittance.clients.entity.Matter;
import org.quittance.money.Money;
import org.quittance.staff.entity.StaffUser;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Time a staff member spent on a matter, billed at the rate in force when it was recorded. */
@Entity
@Table(name = "time_entry")
public class TimeEntry implements java.io.Serializable {

    @Id
    @SequenceGenerator(name = "time_entry_seq", sequenceName = "time_entry_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "time_entry_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "matter_id")
    private Matter matter;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "staff_user_id")
    private StaffUser staff;

    @Column(name = "work_date", nullable = false)
    private LocalDate workDate;

    @Column(nullable = false)
    private BigDecimal hours;

    @Embedded
    @AttributeOverride(name = "amount", column = @Column(name = "rate_amount"))
    @AttributeOverride(name = "currency", column = @Column(name = "rate_currency"))
    private Money rate;

    @Column(nullable = false)
    private String narrative;

    @Column(nullable = false)
    private boolean billed;

    @Version
    private long version;

    protected TimeEntry() {
    }

    public TimeEntry(Matter matter, StaffUser staff, LocalDate workDate, BigDecimal hours, Money rate, String narrative) {
        if (hours.signum() <= 0) {
            throw new IllegalArgumentException("Hours must be positive, not " + hours);
        }
        this.matter = matter;
        this.staff = staff;
        this.workDate = workDate;
        this.hours = hours;
        this.rate = rate;
        this.narrative = narrative;
    }

    /** Hours × rate, rounded once to the currency's minor unit. */
    public Money value() {
        return rate.times(hours);
    }

    /** Corrected while unbilled; the rate stays the one the entry was recorded at. */
    public void correct(LocalDate workDate, BigDecimal hours, String narrative) {
        requireUnbilled();
        this.workDate = workDate;
        this.hours = hours;
        this.narrative = narrative;
    }

    private void requireUnbilled() {
        if (billed) {
            throw new IllegalStateException("This time entry is on an invoice; delete or void that invoice first");
        }
    }

    /** The matter's currency changed before its first invoice: the figure stays, in the new currency. */
    public void redenominate(Money rate) {
        if (billed) {
            throw new IllegalStateException("This work is on an invoice; its currency cannot change");
        }
        this.rate = rate;
    }

    /** Taken onto an invoice; released again when that invoice is deleted or voided. */
    public void markBilled(boolean billed) {
        this.billed = billed;
    }

    public Long id() { return id; }
    public Matter matter() { return matter; }
    public StaffUser staff() { return staff; }
    public LocalDate workDate() { return workDate; }
    public BigDecimal hours() { return hours; }
    public Money rate() { return rate; }
    public String narrative() { return narrative; }
    public boolean billed() { return billed; }
}
