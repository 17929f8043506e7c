package org.quittance.web.staff;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.primefaces.event.FileUploadEvent;
import org.quittance.firm.boundary.FirmSettings;
import org.quittance.payments.boundary.PaymentAccounts;
import org.quittance.firm.entity.Firm;
import org.quittance.firm.entity.PaymentApplication;
import org.quittance.payments.entity.ProcessorKind;

import java.io.Serializable;
import java.math.BigDecimal;

/** Setup > Firm: identity on invoices, and the Billing and A/R tab (portal policy, payment account). Admins only. */
@Named
@ViewScoped
public class FirmSetupView implements Serializable {

    @EJB
    transient FirmSettings settings;

    @EJB
    transient PaymentAccounts accounts;

    // Firm tab
    private String name, address, email, currency, numberFormat, taxLabel, paymentInstructions;
    private int termsDays;
    private BigDecimal taxRate;
    private boolean hasLogo;

    // Billing and A/R tab
    private boolean portalInvoicing, partialPayments;
    private String portalAdminEmail;
    private BigDecimal minimumPayment;
    private PaymentApplication application;
    private boolean reminders, remindOnDueDate;
    private java.util.List<String> bankDebits = new java.util.ArrayList<>();
    private Integer remindDaysBefore, remindEveryDays;
    private int remindMaxOverdue;

    private ProcessorKind processor = ProcessorKind.SANDBOX;
    private boolean live;
    private String accountLabel, publishableKey, secretKey, webhookSecret;
    private PaymentAccounts.AccountView account;

    @PostConstruct
    void load() {
        Firm f = settings.firm();
        name = f.name();
        address = f.address();
        email = f.email();
        currency = f.defaultCurrency();
        termsDays = f.paymentTermsDays();
        numberFormat = f.invoiceNumberFormat();
        taxLabel = f.taxLabel();
        taxRate = f.taxRatePercent();
        paymentInstructions = f.paymentInstructions();
        locale = f.locale();
        hasLogo = f.logo() != null;
        portalInvoicing = f.portalInvoicing();
        portalAdminEmail = f.portalAdminEmail();
        partialPayments = f.partialPayments();
        minimumPayment = f.minimumPayment();
        application = f.paymentApplication();
        bankDebits = new java.util.ArrayList<>(f.bankDebits());
        reminders = f.remindersEnabled();
        remindDaysBefore = f.reminderDaysBefore();
        remindOnDueDate = f.reminderOnDueDate();
        remindEveryDays = f.reminderEveryDays();
        remindMaxOverdue = f.reminderMaxOverdue();
        account = accounts.paymentAccount().orElse(null);
        if (account != null) {
            processor = account.processor();
            live = account.live();
            accountLabel = account.accountLabel();
            publishableKey = account.publishableKey();
        }
    }

    public void saveFirm() {
        Feedback.run(() -> {
            settings.describeFirm(name, address, blank(email), currency, termsDays, numberFormat, taxLabel, taxRate, paymentInstructions);
            settings.setLocale(locale);
        }, "Firm details saved.");
    }

    /** The offered formats, each shown by an example. */
    public java.util.List<org.quittance.platform.control.Formats> getLocales() {
        return org.quittance.platform.control.Formats.OFFERED.stream().map(org.quittance.platform.control.Formats::new).toList();
    }

    public String getLocale() { return locale; }
    public void setLocale(String locale) { this.locale = locale; }

    public void uploadLogo(FileUploadEvent event) {
        if (Feedback.run(() -> settings.setLogo(event.getFile().getContent(), event.getFile().getContentType()), "Logo saved.")) {
            hasLogo = true;
        }
    }

    public void removeLogo() {
        if (Feedback.run(() -> settings.setLogo(null, null), "Logo removed.")) {
            hasLogo = false;
        }
    }

    public void savePolicy() {
        Feedback.run(() -> settings.setPortalPolicy(portalInvoicing, blank(portalAdminEmail), partialPayments,
                partialPayments ? minimumPayment : null, application), "Portal settings saved.");
    }

    public void saveBankDebits() {
        Feedback.run(() -> settings.setBankDebits(new java.util.HashSet<>(bankDebits)),
                bankDebits.isEmpty() ? "Cards only on the payment page." : "Bank debits saved.");
    }

    public java.util.List<String> getBankDebits() { return bankDebits; }
    public void setBankDebits(java.util.List<String> v) { this.bankDebits = v == null ? new java.util.ArrayList<>() : v; }
    public org.quittance.payments.entity.BankDebit[] getBankDebitChoices() { return org.quittance.payments.entity.BankDebit.values(); }

    public void saveReminders() {
        Feedback.run(() -> settings.setReminders(reminders, remindDaysBefore, remindOnDueDate, remindEveryDays, remindMaxOverdue),
                "Reminder settings saved.");
    }

    public boolean isReminders() { return reminders; }
    public void setReminders(boolean reminders) { this.reminders = reminders; }
    public Integer getRemindDaysBefore() { return remindDaysBefore; }
    public void setRemindDaysBefore(Integer remindDaysBefore) { this.remindDaysBefore = remindDaysBefore; }
    public boolean isRemindOnDueDate() { return remindOnDueDate; }
    public void setRemindOnDueDate(boolean remindOnDueDate) { this.remindOnDueDate = remindOnDueDate; }
    public Integer getRemindEveryDays() { return remindEveryDays; }
    public void setRemindEveryDays(Integer remindEveryDays) { this.remindEveryDays = remindEveryDays; }
    public int getRemindMaxOverdue() { return remindMaxOverdue; }
    public void setRemindMaxOverdue(int remindMaxOverdue) { this.remindMaxOverdue = remindMaxOverdue; }

    public void connect() {
        PaymentAccounts.AccountView saved = Feedback.attempt(() -> accounts.connectPaymentAccount(processor, live, accountLabel,
                publishableKey, secretKey, webhookSecret), "Payment account saved. Use Test connection to check it.");
        if (saved != null) {
            account = saved;
        }
        secretKey = null;
        webhookSecret = null;
    }

    public void testConnection() {
        PaymentAccounts.AccountView tested = Feedback.attempt(accounts::testConnection, null);
        if (tested != null) {
            account = tested;
            if (Boolean.TRUE.equals(tested.lastTestOk())) {
                Feedback.info(tested.lastTestMessage());
            } else {
                Feedback.error("Test failed: " + tested.lastTestMessage());
            }
        }
    }

    public java.util.List<ProcessorKind> getProcessors() { return ProcessorKind.offered(); }
    public PaymentApplication[] getApplications() { return PaymentApplication.values(); }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    private String locale;

    public String getNumberFormat() { return numberFormat; }
    public void setNumberFormat(String numberFormat) { this.numberFormat = numberFormat; }
    public String getTaxLabel() { return taxLabel; }
    public void setTaxLabel(String taxLabel) { this.taxLabel = taxLabel; }
    public String getPaymentInstructions() { return paymentInstructions; }
    public void setPaymentInstructions(String paymentInstructions) { this.paymentInstructions = paymentInstructions; }
    public int getTermsDays() { return termsDays; }
    public void setTermsDays(int termsDays) { this.termsDays = termsDays; }
    public BigDecimal getTaxRate() { return taxRate; }
    public void setTaxRate(BigDecimal taxRate) { this.taxRate = taxRate; }
    public boolean isHasLogo() { return hasLogo; }
    public boolean isPortalInvoicing() { return portalInvoicing; }
    public void setPortalInvoicing(boolean portalInvoicing) { this.portalInvoicing = portalInvoicing; }
    public boolean isPartialPayments() { return partialPayments; }
    public void setPartialPayments(boolean partialPayments) { this.partialPayments = partialPayments; }
    public String getPortalAdminEmail() { return portalAdminEmail; }
    public void setPortalAdminEmail(String portalAdminEmail) { this.portalAdminEmail = portalAdminEmail; }
    public BigDecimal getMinimumPayment() { return minimumPayment; }
    public void setMinimumPayment(BigDecimal minimumPayment) { this.minimumPayment = minimumPayment; }
    public PaymentApplication getApplication() { return application; }
    public void setApplication(PaymentApplication application) { this.application = application; }
    public ProcessorKind getProcessor() { return processor; }
    public void setProcessor(ProcessorKind processor) { this.processor = processor; }
    public boolean isLive() { return live; }
    public void setLive(boolean live) { this.live = live; }
    public String getAccountLabel() { return accountLabel; }
    public void setAccountLabel(String accountLabel) { this.accountLabel = accountLabel; }
    public String getPublishableKey() { return publishableKey; }
    public void setPublishableKey(String publishableKey) { this.publishableKey = publishableKey; }
    public String getSecretKey() { return secretKey; }
    public void setSecretKey(String secretKey) { this.secretKey = secretKey; }
    public String getWebhookSecret() { return webhookSecret; }
    public void setWebhookSecret(String webhookSecret) { this.webhookSecret = webhookSecret; }
    public PaymentAccounts.AccountView getAccount() { return account; }
}
