package org.quittance.bankfiles.entity;

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

/** An entry the firm's bank sent back in an ACH return file, and what it did to the books. Written once, never changed. */
@Entity
@Table(name = "ach_return")
public class AchReturn {

    @Id
    @SequenceGenerator(name = "ach_return_seq", sequenceName = "ach_return_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ach_return_seq")
    private Long id;

    @Column(name = "file_id", nullable = false)
    private String fileId;

    @Column(name = "file_name", nullable = false)
    private String fileName;

    @Column(nullable = false)
    private int line;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AchReturnKind kind;

    @Column(nullable = false)
    private String code;

    @Column(name = "original_trace", nullable = false)
    private String originalTrace;

    @Column(nullable = false)
    private String trace;

    @Column(nullable = false)
    private boolean debit;

    @Column(nullable = false)
    private String currency;

    @Column(nullable = false)
    private BigDecimal amount;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String detail;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AchOutcome outcome;

    @Column(nullable = false)
    private String note;

    @Column(name = "receipt_id")
    private Long receiptId;

    @Column(name = "imported_by", nullable = false)
    private String importedBy;

    @Column(name = "imported_at", nullable = false)
    private OffsetDateTime importedAt;

    protected AchReturn() {
    }

    public AchReturn(String fileId, String fileName, AchReturnEntry entry, AchOutcome outcome, String note, Long receiptId,
                     String importedBy, OffsetDateTime importedAt) {
        this.fileId = fileId;
        this.fileName = fileName.length() <= 200 ? fileName : fileName.substring(0, 200);
        this.line = entry.line();
        this.kind = entry.kind();
        this.code = entry.code();
        this.originalTrace = entry.originalTrace();
        this.trace = entry.trace();
        this.debit = entry.debit();
        this.currency = entry.amount().currency();
        this.amount = entry.amount().amount();
        this.name = entry.name();
        this.detail = entry.detail();
        this.outcome = outcome;
        this.note = note.length() <= 500 ? note : note.substring(0, 499) + "…";
        this.receiptId = receiptId;
        this.importedBy = importedBy;
        this.importedAt = importedAt;
    }

    public Long id() { return id; }
    public String fileId() { return fileId; }
    public String fileName() { return fileName; }
    public int line() { return line; }
    public AchReturnKind kind() { return kind; }
    public String code() { return code; }
    public String originalTrace() { return originalTrace; }
    public String trace() { return trace; }
    public boolean debit() { return debit; }
    public Money amount() { return Money.of(amount, currency); }
    public String name() { return name; }
    public String detail() { return detail; }
    public AchOutcome outcome() { return outcome; }
    public String note() { return note; }
    public Long receiptId() { return receiptId; }
    public String importedBy() { return importedBy; }
    public OffsetDateTime importedAt() { return importedAt; }
}
