package org.quittance.web.staff;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.quittance.billing.boundary.Billing;
import org.quittance.billing.boundary.PublishedVersions;
import org.quittance.billing.entity.Invoice;
import org.quittance.billing.entity.InvoiceState;
import org.quittance.billing.entity.PublishedInvoice;
import org.quittance.reminders.boundary.PaymentReminders;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

/** One invoice: its lines and totals; while a draft, edit it and finalise; then preview, void or re-issue. */
@Named
@ViewScoped
public class InvoiceView implements Serializable {

    @EJB
    transient Billing billing;

    @EJB
    transient PublishedVersions versions;

    @EJB
    transient PaymentReminders reminders;

    private Long id;
    private Invoice invoice;
    private PublishedInvoice published;
    private BigDecimal discountPercent, taxRatePercent;
    private LocalDate lineDate = LocalDate.now();
    private String lineDescription;
    private BigDecimal lineQuantity = BigDecimal.ONE, linePrice;
    private String voidReason;
    private boolean reissue = true;
    private String disputeReason;
    private java.util.List<PaymentReminders.Sent> sent = java.util.List.of();

    public void load() {
        if (id == null) {
            Feedback.error("No invoice was chosen.");
            return;
        }
        invoice = Feedback.attempt(() -> billing.invoice(id), null);
        if (invoice != null) {
            discountPercent = invoice.discountPercent();
            taxRatePercent = invoice.taxRatePercent();
            published = versions.forInvoice(id).orElse(null);
            sent = published == null ? java.util.List.of() : reminders.sentFor(id);
        }
    }

    /** Reminders concern a published invoice that is still open (or under dispute). */
    public boolean isRemindable() {
        return invoice != null && invoice.awaitsPayment();
    }

    public void sendReminder() {
        Feedback.run(() -> reminders.sendNow(id), "Reminder sent to the portal users who receive this matter's invoices.");
        load();
    }

    public void dispute() {
        Feedback.run(() -> reminders.dispute(id, disputeReason), "Marked as disputed: no reminders until the dispute is settled.");
        disputeReason = null;
        load();
    }

    public void settleDispute() {
        Feedback.run(() -> reminders.settleDispute(id), "Dispute settled: reminders resume on the firm's schedule.");
        load();
    }

    public java.util.List<PaymentReminders.Sent> getSent() { return sent; }
    public String getDisputeReason() { return disputeReason; }
    public void setDisputeReason(String v) { this.disputeReason = v; }

    /** "Before the due date", "On the due date", "Overdue (2)", "Sent by staff": a stage in words. */
    public String stageLabel(String stage) {
        if (stage.startsWith("OVERDUE-")) return "Overdue (" + stage.substring("OVERDUE-".length()) + ")";
        if (stage.startsWith("STAFF-")) return "Sent by staff";
        return "BEFORE".equals(stage) ? "Before the due date" : "DUE".equals(stage) ? "On the due date" : stage;
    }

    public void addLine() {
        if (Feedback.run(() -> billing.addLine(id, lineDate, lineDescription, lineQuantity, linePrice), "Line added.")) {
            lineDescription = null;
            linePrice = null;
            lineQuantity = BigDecimal.ONE;
        }
        load();
    }

    public void removeLine(Long lineId) {
        Feedback.run(() -> billing.removeLine(id, lineId), "Line removed; its work is unbilled again.");
        load();
    }

    public void saveRates() {
        Feedback.run(() -> billing.setRates(id, discountPercent, taxRatePercent), "Discount and tax updated.");
        load();
    }

    public void finalise() {
        Invoice done = Feedback.attempt(() -> billing.finalise(id), null);
        if (done != null) {
            Feedback.info("Invoice " + done.number() + " is final. Publish it from the Review tab.");
        }
        load();
    }

    public String deleteDraft() {
        if (Feedback.run(() -> billing.deleteDraft(id), null)) {
            return "/billing.xhtml?faces-redirect=true";
        }
        return null;
    }

    public String voidInvoice() {
        Invoice draft = Feedback.attempt(() -> billing.voidInvoice(id, voidReason, reissue), null);
        if (draft != null) {
            return "/invoice.xhtml?faces-redirect=true&id=" + draft.id();
        }
        if (!jakarta.faces.context.FacesContext.getCurrentInstance().isValidationFailed()) {
            Feedback.info("Invoice voided; its work is unbilled again.");
        }
        load();
        return null;
    }

    public boolean isDraft() {
        return invoice != null && invoice.state() == InvoiceState.DRAFT;
    }

    public boolean isVoidable() {
        return invoice != null && (invoice.state() == InvoiceState.FINAL || invoice.state() == InvoiceState.PUBLISHED);
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Invoice getInvoice() { return invoice; }
    public PublishedInvoice getPublished() { return published; }
    public BigDecimal getDiscountPercent() { return discountPercent; }
    public void setDiscountPercent(BigDecimal v) { this.discountPercent = v; }
    public BigDecimal getTaxRatePercent() { return taxRatePercent; }
    public void setTaxRatePercent(BigDecimal v) { this.taxRatePercent = v; }
    public LocalDate getLineDate() { return lineDate; }
    public void setLineDate(LocalDate v) { this.lineDate = v; }
    public String getLineDescription() { return lineDescription; }
    public void setLineDescription(String v) { this.lineDescription = v; }
    public BigDecimal getLineQuantity() { return lineQuantity; }
    public void setLineQuantity(BigDecimal v) { this.lineQuantity = v; }
    public BigDecimal getLinePrice() { return linePrice; }
    public void setLinePrice(BigDecimal v) { this.linePrice = v; }
    public String getVoidReason() { return voidReason; }
    public void setVoidReason(String v) { this.voidReason = v; }
    public boolean isReissue() { return reissue; }
    public void setReissue(boolean v) { this.reissue = v; }
}
