package org.quittance.web.staff;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.quittance.billing.boundary.Publishing;
import org.quittance.billing.boundary.Review;
import org.quittance.firm.boundary.FirmSettings;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Billing > Review: final invoices, filtered and paged in the database, selected across pages, and
 * published in the background while a progress bar follows the run.
 */
@Named
@ViewScoped
public class ReviewView implements Serializable {

    @EJB
    transient Review review;

    @EJB
    transient Publishing publishing;

    @EJB
    transient FirmSettings firmSettings;

    @EJB
    transient org.quittance.billing.boundary.Printing printing;

    private boolean printStatements = true;

    private String client, matter;
    private LocalDate from, to;
    private BigDecimal minAmount, maxAmount;
    private List<Review.Row> selection = new ArrayList<>();
    private final Set<Long> selectedAcrossPages = new HashSet<>();
    private Long runId;
    private Publishing.Progress progress;
    private boolean portalInvoicing;

    private final LazyDataModel<Review.Row> invoices = new LazyDataModel<>() {
        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) review.count(filter());
        }

        @Override
        public List<Review.Row> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return review.finalInvoices(filter(), first, pageSize);
        }

        @Override
        public String getRowKey(Review.Row row) {
            return String.valueOf(row.id());
        }

        @Override
        public Review.Row getRowData(String rowKey) {
            try {
                return review.row(Long.parseLong(rowKey));
            } catch (NumberFormatException e) {
                return null;
            }
        }
    };

    @PostConstruct
    void init() {
        portalInvoicing = firmSettings.firm().portalInvoicing();
    }

    private Review.Filter filter() {
        return new Review.Filter(client, matter, from, to, minAmount, maxAmount);
    }

    public void applyFilter() {
        selection = new ArrayList<>();
        selectedAcrossPages.clear();
    }

    public void selectAllMatching() {
        selectedAcrossPages.addAll(review.ids(filter()));
        Feedback.info(selectedAcrossPages.size() + " invoices selected on all pages.");
    }

    public void clearSelection() {
        selection = new ArrayList<>();
        selectedAcrossPages.clear();
    }

    public void publishSelected() {
        Set<Long> ids = new HashSet<>(selectedAcrossPages);
        selection.forEach(r -> ids.add(r.id()));
        if (ids.isEmpty()) {
            Feedback.error("Select the invoices to publish.");
            return;
        }
        Long started = Feedback.attempt(() -> publishing.start(ids), null);
        if (started != null) {
            runId = started;
            progress = publishing.progress(runId);
            clearSelection();
        }
    }

    /**
     * Print selected: one PDF of the selected invoices (and each client's statement since the first of
     * last month), downloaded; they are marked as sent by post.
     */
    public void printSelected() throws java.io.IOException {
        Set<Long> ids = new HashSet<>(selectedAcrossPages);
        selection.forEach(r -> ids.add(r.id()));
        if (ids.isEmpty()) {
            Feedback.error("Select the invoices to print.");
            return;
        }
        var printed = Feedback.attempt(() -> printing.print(ids, printStatements), null);
        if (printed == null) {
            return;
        }
        clearSelection();
        org.quittance.platform.boundary.PdfDownload.send(jakarta.faces.context.FacesContext.getCurrentInstance(), printed.pdf(),
                "invoices-to-post-" + LocalDate.now() + ".pdf");
    }

    public boolean isPrintStatements() { return printStatements; }
    public void setPrintStatements(boolean v) { this.printStatements = v; }

    public void poll() {
        if (runId != null) {
            progress = publishing.progress(runId);
        }
    }

    public boolean isRunning() {
        return runId != null && (progress == null || !progress.finished());
    }

    public int getSelectedCount() {
        Set<Long> ids = new HashSet<>(selectedAcrossPages);
        selection.forEach(r -> ids.add(r.id()));
        return ids.size();
    }

    public LazyDataModel<Review.Row> getInvoices() { return invoices; }
    public List<Review.Row> getSelection() { return selection; }
    public void setSelection(List<Review.Row> selection) { this.selection = selection; }
    public Publishing.Progress getProgress() { return progress; }
    public boolean isPortalInvoicing() { return portalInvoicing; }
    public String getClient() { return client; }
    public void setClient(String v) { this.client = v; }
    public String getMatter() { return matter; }
    public void setMatter(String v) { this.matter = v; }
    public LocalDate getFrom() { return from; }
    public void setFrom(LocalDate v) { this.from = v; }
    public LocalDate getTo() { return to; }
    public void setTo(LocalDate v) { this.to = v; }
    public BigDecimal getMinAmount() { return minAmount; }
    public void setMinAmount(BigDecimal v) { this.minAmount = v; }
    public BigDecimal getMaxAmount() { return maxAmount; }
    public void setMaxAmount(BigDecimal v) { this.maxAmount = v; }
}
