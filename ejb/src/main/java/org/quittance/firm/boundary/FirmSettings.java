package org.quittance.firm.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.validation.constraints.*;
import org.quittance.audit.boundary.AuditTrail;
import org.quittance.firm.control.InvoiceNumberFormat;
import org.quittance.firm.control.Letterhead;
import org.quittance.firm.control.LogoImage;
import org.quittance.firm.entity.Firm;
import org.quittance.firm.entity.PaymentApplication;
import org.quittance.money.Money;
import org.quittance.platform.control.Formats;
import org.quittance.platform.control.Remembered;
import org.quittance.platform.control.RuleViolation;
import org.quittance.security.entity.Roles;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Currency;

/** Setup > Firm: the firm's identity on invoices, its formats and its portal policy (its payment account: PaymentAccounts). */
@RolesAllowed(Roles.ADMIN)
@Stateless
public class FirmSettings {

    @PersistenceContext
    EntityManager em;


    @EJB
    AuditTrail audit;

    @PermitAll  // the firm's name and formats, read by every part of both applications
    public Firm firm() {
        return em.createQuery("SELECT f FROM Firm f ORDER BY f.id", Firm.class).setMaxResults(1)
                .getResultStream().findFirst()
                .orElseThrow(() -> new RuleViolation("No firm is set up yet."));
    }

    public Firm createFirm(@NotBlank @Size(max = 200) String name, @Size(max = 2000) String address,
                           @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be a three-letter ISO currency code") String currency,
                           @Min(0) @Max(365) int paymentTermsDays) {
        if (em.createQuery("SELECT COUNT(f) FROM Firm f", Long.class).getSingleResult() > 0) {
            throw new RuleViolation("A firm is already set up.");
        }
        Firm firm = new Firm(name, address, currency, paymentTermsDays);
        em.persist(firm);
        LETTERHEAD.forgetAfterCommit(transactions);
        return firm;
    }

    public void describeFirm(@NotBlank @Size(max = 200) String name,
                             @Size(max = 2000) String address,
                             @Email(message = "is not a valid e-mail address") String email,
                             @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be a three-letter ISO currency code") String defaultCurrency,
                             @Min(value = 0, message = "cannot be negative") @Max(value = 365, message = "cannot exceed 365 days") int paymentTermsDays,
                             @NotBlank String invoiceNumberFormat,
                             @NotBlank @Size(max = 30) String taxLabel,
                             @NotNull @DecimalMin(value = "0", message = "cannot be negative") @DecimalMax(value = "99.9999", message = "must be below 100 %") @Digits(integer = 2, fraction = 4) BigDecimal taxRatePercent,
                             @Size(max = 2000) String paymentInstructions) {
        try {
            Currency.getInstance(defaultCurrency);
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("Unknown currency " + defaultCurrency + ".");
        }
        try {
            InvoiceNumberFormat.parse(invoiceNumberFormat);
        } catch (IllegalArgumentException e) {
            throw new RuleViolation(e.getMessage() + ".");
        }
        LETTERHEAD.forgetAfterCommit(transactions);
        firm().describe(name, address, email, defaultCurrency, paymentTermsDays, invoiceNumberFormat, taxLabel,
                taxRatePercent, paymentInstructions);
        audit.recordAsCaller(AuditTrail.SETTING, "firm", "firm described", name + ", " + defaultCurrency + ", terms " + paymentTermsDays
                + " days, numbers " + invoiceNumberFormat + ", " + taxLabel + " " + taxRatePercent.stripTrailingZeros().toPlainString() + " %");
    }

    /** How the firm writes amounts and dates: one of {@link Formats#OFFERED}. */
    public void setLocale(@jakarta.validation.constraints.NotNull @Size(max = 20) String languageTag) {
        if (Formats.OFFERED.stream().noneMatch(l -> l.toLanguageTag().equals(languageTag))) {
            throw new RuleViolation("Choose one of the offered formats.");
        }
        Firm firm = firm();
        if (!languageTag.equals(firm.locale())) {
            firm.setLocale(languageTag);
            LETTERHEAD.forgetAfterCommit(transactions);
            audit.recordAsCaller(AuditTrail.SETTING, "firm", "formats set", firm.formats().example());
        }
    }

    /**
     * The firm's name, logo and formats, which every page of both applications shows: read once every
     * few seconds, without the logo's bytes. A change on Setup › Firm shows on the next page of the
     * node that made it, and within {@link #LETTERHEAD}'s few seconds on another.
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Letterhead letterhead() {
        return LETTERHEAD.get(() -> em.createQuery("""
                        SELECT f.name, CASE WHEN f.logo IS NULL THEN 0 ELSE 1 END, f.locale FROM Firm f ORDER BY f.id""", Object[].class)
                .setMaxResults(1).getResultStream().findFirst()
                .map(f -> new Letterhead((String) f[0], ((Number) f[1]).intValue() == 1, Formats.of((String) f[2])))
                .orElse(Letterhead.NOT_SET_UP));
    }

    static final Remembered<Letterhead> LETTERHEAD = new Remembered<>(Duration.ofSeconds(5));

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** The firm's formats; the default before the firm is set up. */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Formats formats() {
        return letterhead().formats();
    }

    /** A PNG or JPEG, judged by its bytes and size and kept re-drawn as a PNG ({@link LogoImage}); null removes it. */
    public void setLogo(byte[] logo, String declaredContentType) {
        byte[] kept;
        try {
            kept = logo == null ? null : LogoImage.normalise(logo);
        } catch (IllegalArgumentException e) {
            throw new RuleViolation(e.getMessage());
        }
        firm().setLogo(kept, kept == null ? null : "image/png");
        LETTERHEAD.forgetAfterCommit(transactions);
        audit.recordAsCaller(AuditTrail.SETTING, "firm", logo == null ? "logo removed" : "logo set", declaredContentType);
    }

    public void setPortalPolicy(boolean portalInvoicing,
                                @Email(message = "is not a valid e-mail address") String portalAdminEmail,
                                boolean partialPayments,
                                @DecimalMin(value = "0", message = "cannot be negative") BigDecimal minimumPayment,
                                @NotNull PaymentApplication paymentApplication) {
        Firm firm = firm();
        if (minimumPayment != null) {
            try {
                Money.of(minimumPayment, firm.defaultCurrency());
            } catch (IllegalArgumentException e) {
                throw new RuleViolation("Minimum payment: " + e.getMessage() + ".");
            }
        }
        if (portalInvoicing && (portalAdminEmail == null || portalAdminEmail.isBlank())) {
            throw new RuleViolation("Give the e-mail address of the firm's portal administrator: it receives payment notices.");
        }
        firm.setPortalPolicy(portalInvoicing, portalAdminEmail, partialPayments, minimumPayment, paymentApplication);
        audit.recordAsCaller(AuditTrail.SETTING, "portal policy", "portal policy set", "portal invoicing " + (portalInvoicing ? "on" : "off")
                + ", administrator " + portalAdminEmail + ", part payments " + (partialPayments ? "allowed" : "not allowed")
                + (minimumPayment == null ? "" : " (minimum " + minimumPayment.toPlainString() + ")") + ", portal payments " + paymentApplication);
    }

    /** Setup > Firm > Billing and A/R: when clients are reminded of open invoices (ReminderSchedule). */
    public void setReminders(boolean enabled, Integer daysBefore, boolean onDueDate, Integer everyDays, int maxOverdue) {
        try {
            new org.quittance.reminders.control.ReminderSchedule(daysBefore, onDueDate, everyDays, maxOverdue);
        } catch (IllegalArgumentException e) {
            throw new RuleViolation(e.getMessage() + ".");
        }
        firm().remind(enabled, daysBefore, onDueDate, everyDays, maxOverdue);
        audit.recordAsCaller(AuditTrail.SETTING, "reminders", "reminders set", !enabled ? "off"
                : (daysBefore == null ? "" : daysBefore + " days before, ") + (onDueDate ? "on the due date, " : "")
                + (everyDays == null ? "none while overdue" : "every " + everyDays + " days while overdue, at most " + maxOverdue + " times"));
    }

    /** The bank debits the processor's page offers besides cards, by currency (USD, GBP, EUR). */
    public void setBankDebits(@NotNull java.util.Set<@NotNull String> currencies) {
        for (String currency : currencies) {
            if (org.quittance.payments.entity.BankDebit.forCurrency(currency).isEmpty()) {
                throw new RuleViolation("There is no bank debit for " + currency + ": USD, GBP and EUR have one.");
            }
        }
        firm().offerBankDebits(currencies);
        audit.recordAsCaller(AuditTrail.SETTING, "bank debits", "bank debits set",
                currencies.isEmpty() ? "cards only" : String.join(", ", new java.util.TreeSet<>(currencies)));
    }
}
