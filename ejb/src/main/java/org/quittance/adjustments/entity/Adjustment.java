package org.quittance.adjustments.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.quittance.money.Money;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A staff decision that changes what a client owes, with its reason. Written once; its ledger entries carry the amounts. */
@Entity
@Table(name = "adjustment")
public class Adjustment {

    @Id
    @SequenceGenerator(name = "adjustment_seq", sequenceName = "adjustment_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "adjustment_seq")
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AdjustmentKind kind;

    @Column(name = "client_id", nullable = false)
    private Long clientId;

    @Column(name = "invoice_id")
    private Long invoiceId;

    @Column(nullable = false)
    private String currency;

    @Column(nullable = false)
    private BigDecimal amount;

    @Column(nullable = false)
    private String reason;

    @Column(name = "entry_key", nullable = false)
    private String entryKey;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected Adjustment() {
    }

    public Adjustment(AdjustmentKind kind, Long clientId, Long invoiceId, Money amount, String reason, String entryKey, String createdBy,
                      OffsetDateTime createdAt) {
        this.kind = kind;
        this.clientId = clientId;
        this.invoiceId = invoiceId;
        this.currency = amount.currency();
        this.amount = amount.amount();
        this.reason = reason;
        this.entryKey = entryKey;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public Long id() { return id; }
    public AdjustmentKind kind() { return kind; }
    public Long clientId() { return clientId; }
    public Long invoiceId() { return invoiceId; }
    public Money amount() { return Money.of(amount, currency); }
    public String reason() { return reason; }
    public String entryKey() { return entryKey; }
    public String createdBy() { return createdBy; }
    public OffsetDateTime createdAt() { return createdAt; }
}
