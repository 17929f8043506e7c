package org.quittance.firm.entity;

import jakarta.persistence.*;

import java.math.BigDecimal;

/** The firm that uses Quittance: its identity on invoices, its billing defaults and its portal policy. */
@Entity
@Table(name = "firm")
public class Firm {

    @Id
    @SequenceGenerator(name = "firm_seq", sequenceName = "firm_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "firm_seq")
    private Long id;

    @Column(nullable = false)
    private String name;

    private String address;

    private String email;

    @Column(name = "portal_admin_email")
    private String portalAdminEmail;

    @Column(name = "default_currency", nullable = false, length = 3)
    private String defaultCurrency;

    @Column(name = "payment_terms_days", nullable = false)
    private int paymentTermsDays;

    @Column(name = "invoice_number_format", nullable = false)
    private String invoiceNumberFormat = "INV-{YYYY}-{SEQ:5}";

    @Column(name = "tax_label", nullable = false)
    private String taxLabel = "VAT";

    @Column(name = "tax_rate_percent", nullable = false)
    private BigDecimal taxRatePercent = BigDecimal.ZERO;

    @Column(name = "payment_instructions")
    private String paymentInstructions;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    private byte[] logo;

    @Column(name = "logo_content_type")
    private String logoContentType;

    @Column(name = "portal_invoicing", nullable = false)
    private boolean portalInvoicing;

    @Column(name = "partial_payments", nullable = false)
    private boolean partialPayments;

    /** The smallest part payment a client may make, in the firm's currency; null means no minimum. */
    @Column(name = "minimum_payment")
    private BigDecimal minimumPayment;

    @Enumerated(EnumType.STRING)
    @Column(name = "payment_application", nullable = false)
    private PaymentApplication paymentApplication = PaymentApplication.REVIEW;

    /** A language tag: how amounts and dates are written (see Formats). */
    @Column(nullable = false)
    private String locale = "en-GB";

    /** The currencies whose bank debit the processor's page offers ("GBP,EUR"), "" for none. */
    @Column(name = "bank_debits", nullable = false)
    private String bankDebits = "";

    @Column(name = "reminders_enabled", nullable = false)
    private boolean remindersEnabled;

    @Column(name = "reminder_days_before")
    private Integer reminderDaysBefore = 3;

    @Column(name = "reminder_on_due_date", nullable = false)
    private boolean reminderOnDueDate = true;

    @Column(name = "reminder_every_days")
    private Integer reminderEveryDays = 14;

    @Column(name = "reminder_max_overdue", nullable = false)
    private int reminderMaxOverdue = 3;

    @Version
    private long version;

    protected Firm() {
    }

    public Firm(String name, String address, String defaultCurrency, int paymentTermsDays) {
        this.name = name;
        this.address = address;
        this.defaultCurrency = defaultCurrency;
        this.paymentTermsDays = paymentTermsDays;
    }

    public void describe(String name, String address, String email, String defaultCurrency, int paymentTermsDays,
                         String invoiceNumberFormat, String taxLabel, BigDecimal taxRatePercent, String paymentInstructions) {
        this.name = name;
        this.address = address;
        this.email = email;
        this.defaultCurrency = defaultCurrency;
        this.paymentTermsDays = paymentTermsDays;
        this.invoiceNumberFormat = invoiceNumberFormat;
        this.taxLabel = taxLabel;
        this.taxRatePercent = taxRatePercent;
        this.paymentInstructions = paymentInstructions;
    }

    public void setPortalPolicy(boolean portalInvoicing, String portalAdminEmail, boolean partialPayments,
                                BigDecimal minimumPayment, PaymentApplication paymentApplication) {
        this.portalInvoicing = portalInvoicing;
        this.portalAdminEmail = portalAdminEmail;
        this.partialPayments = partialPayments;
        this.minimumPayment = partialPayments ? minimumPayment : null;
        this.paymentApplication = paymentApplication;
    }

    public void setLogo(byte[] logo, String contentType) {
        this.logo = logo;
        this.logoContentType = logo == null ? null : contentType;
    }

    public Long id() { return id; }
    public void setLocale(String languageTag) {
        this.locale = languageTag;
    }

    /** The firm's formats for amounts and dates. */
    public org.quittance.platform.control.Formats formats() {
        return org.quittance.platform.control.Formats.of(locale);
    }

    public String locale() { return locale; }
    public String name() { return name; }
    public String address() { return address; }
    public String email() { return email; }
    public String portalAdminEmail() { return portalAdminEmail; }
    public String defaultCurrency() { return defaultCurrency; }
    public int paymentTermsDays() { return paymentTermsDays; }
    public String invoiceNumberFormat() { return invoiceNumberFormat; }
    public String taxLabel() { return taxLabel; }
    public BigDecimal taxRatePercent() { return taxRatePercent; }
    public String paymentInstructions() { return paymentInstructions; }
    public byte[] logo() { return logo; }
    public String logoContentType() { return logoContentType; }
    public boolean portalInvoicing() { return portalInvoicing; }
    public boolean partialPayments() { return partialPayments; }
    public BigDecimal minimumPayment() { return minimumPayment; }
    public PaymentApplication paymentApplication() { return paymentApplication; }
    public long version() { return version; }
    public boolean remindersEnabled() { return remindersEnabled; }

    public java.util.Set<String> bankDebits() {
        return bankDebits.isEmpty() ? java.util.Set.of() : java.util.Set.of(bankDebits.split(","));
    }

    /** Whether a payment in this currency may be a bank debit, besides a card. */
    public boolean offersBankDebit(String currency) {
        return bankDebits().contains(currency);
    }

    public void offerBankDebits(java.util.Collection<String> currencies) {
        this.bankDebits = String.join(",", new java.util.TreeSet<>(currencies));
    }
    public Integer reminderDaysBefore() { return reminderDaysBefore; }
    public boolean reminderOnDueDate() { return reminderOnDueDate; }
    public Integer reminderEveryDays() { return reminderEveryDays; }
    public int reminderMaxOverdue() { return reminderMaxOverdue; }

    /** The schedule as the firm set it; its bounds are checked by ReminderSchedule before it gets here. */
    public void remind(boolean enabled, Integer daysBefore, boolean onDueDate, Integer everyDays, int maxOverdue) {
        this.remindersEnabled = enabled;
        this.reminderDaysBefore = daysBefore;
        this.reminderOnDueDate = onDueDate;
        this.reminderEveryDays = everyDays;
        this.reminderMaxOverdue = maxOverdue;
    }
}
