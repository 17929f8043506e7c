package org.quittance.ledger.entity;

import jakarta.persistence.*;
import org.quittance.money.Money;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * One line of a client's ledger (and of its matter's, when it has one). Append-only: it has no
 * setters, and a mistake is corrected by a reversing entry. A positive amount raises what the client
 * owes; a negative one lowers it. An entry without a matter is the client's unapplied credit.
 */
@Entity
@Table(name = "ledger_entry")
public class LedgerEntry {

    @Id
    @SequenceGenerator(name = "ledger_entry_seq", sequenceName = "ledger_entry_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ledger_entry_seq")
    private Long id;

    @Column(name = "client_id", nullable = false, updatable = false)
    private Long clientId;

    @Column(name = "matter_id", updatable = false)
    private Long matterId;

    @Column(name = "invoice_id", updatable = false)
    private Long invoiceId;

    @Column(name = "receipt_id", updatable = false)
    private Long receiptId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private EntryKind kind;

    @Column(nullable = false, updatable = false)
    private String description;

    @Column(nullable = false, length = 3, updatable = false)
    private String currency;

    @Column(nullable = false, updatable = false)
    private BigDecimal amount;

    @Column(name = "posted_at", nullable = false, updatable = false)
    private OffsetDateTime postedAt;

    @Column(name = "posted_by", nullable = false, updatable = false)
    private String postedBy;

    protected LedgerEntry() {
    }

    public LedgerEntry(Long clientId, Long matterId, Long invoiceId, Long receiptId, EntryKind kind, String description, Money amount,
                       String postedBy, OffsetDateTime postedAt) {
        this.clientId = clientId;
        this.matterId = matterId;
        this.invoiceId = invoiceId;
        this.receiptId = receiptId;
        this.kind = kind;
        this.description = description;
        this.amount = amount.amount();
        this.currency = amount.currency();
        this.postedBy = postedBy;
        this.postedAt = postedAt;
    }

    public Long id() { return id; }
    public Long clientId() { return clientId; }
    public Long matterId() { return matterId; }
    public Long invoiceId() { return invoiceId; }
    public Long receiptId() { return receiptId; }
    public EntryKind kind() { return kind; }
    public String description() { return description; }
    public Money amount() { return Money.of(amount, currency); }
    public OffsetDateTime postedAt() { return postedAt; }
    public String postedBy() { return postedBy; }
}
