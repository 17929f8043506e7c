package org.quittance.web.staff;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.quittance.billing.boundary.Billing;
import org.quittance.billing.boundary.PublishedVersions;
import org.quittance.billing.entity.Invoice;
import org.quittance.billing.entity.InvoiceState;
import org.quittance.billing.entity.PublishedInvoice;

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

    private Long id;
    private Invoice invoice;
    private PublishedInvoice published;
    private BigDecimal discountPercent, taxRatePercent;
    private LocalDate lineDate = LocalDate.now();
    private String lineDescription;
    private BigDecimal lineQuantity = BigDecimal.ONE, linePrice;
    private String voidReason;
    private boolean reissue = true;

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
        }
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
