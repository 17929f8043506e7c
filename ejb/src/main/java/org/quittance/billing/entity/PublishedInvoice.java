package org.quittance.billing.entity;

import jakarta.persistence.*;
import org.quittance.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The published version of an invoice, a document of its matter: the snapshot (JSON) and the PDF the
 * client sees, with the PDF's SHA-256. Immutable (the database refuses changes); only the pointer to
 * the version that supersedes it is ever set.
 */
@Entity
@Table(name = "published_invoice")
public class PublishedInvoice implements java.io.Serializable {

    @Id
    @SequenceGenerator(name = "published_invoice_seq", sequenceName = "published_invoice_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "published_invoice_seq")
    private Long id;

    @Column(name = "invoice_id", nullable = false, unique = true, updatable = false)
    private Long invoiceId;

    @Column(name = "matter_id", nullable = false, updatable = false)
    private Long matterId;

    @Column(name = "client_id", nullable = false, updatable = false)
    private Long clientId;

    /** 1 for the first publication; a re-issued invoice continues its predecessor's count. */
    @Column(name = "document_no", nullable = false, updatable = false)
    private int documentNo;

    @Column(nullable = false, updatable = false)
    private String number;

    @Column(name = "issue_date", nullable = false, updatable = false)
    private LocalDate issueDate;

    @Column(name = "due_date", nullable = false, updatable = false)
    private LocalDate dueDate;

    @Column(nullable = false, updatable = false, length = 3)
    private String currency;

    @Column(nullable = false, updatable = false)
    private BigDecimal total;

    @Column(nullable = false, updatable = false)
    private String snapshot;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false, updatable = false)
    private byte[] pdf;

    @Column(name = "pdf_sha256", nullable = false, updatable = false, length = 64)
    private String pdfSha256;

    @Column(name = "published_at", nullable = false, updatable = false)
    private OffsetDateTime publishedAt;

    @Column(name = "superseded_by")
    private Long supersededBy;

    @Version
    private long version;

    protected PublishedInvoice() {
    }

    public PublishedInvoice(Invoice invoice, int documentNo, String snapshot, byte[] pdf, String pdfSha256, OffsetDateTime publishedAt) {
        this.invoiceId = invoice.id();
        this.matterId = invoice.matter().id();
        this.clientId = invoice.matter().client().id();
        this.documentNo = documentNo;
        this.number = invoice.number();
        this.issueDate = invoice.issueDate();
        this.dueDate = invoice.dueDate();
        this.currency = invoice.currency();
        this.total = invoice.total().amount();
        this.snapshot = snapshot;
        this.pdf = pdf;
        this.pdfSha256 = pdfSha256;
        this.publishedAt = publishedAt;
    }

    public void supersededBy(PublishedInvoice newer) {
        this.supersededBy = newer.id;
    }

    public Long id() { return id; }
    public Long invoiceId() { return invoiceId; }
    public Long matterId() { return matterId; }
    public Long clientId() { return clientId; }
    public int documentNo() { return documentNo; }
    public String number() { return number; }
    public LocalDate issueDate() { return issueDate; }
    public LocalDate dueDate() { return dueDate; }
    public Money total() { return Money.of(total, currency); }
    public String snapshot() { return snapshot; }
    public byte[] pdf() { return pdf; }
    public String pdfSha256() { return pdfSha256; }
    public OffsetDateTime publishedAt() { return publishedAt; }
    public Long supersededBy() { return supersededBy; }
    public boolean superseded() { return supersededBy != null; }
}
