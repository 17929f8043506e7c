package org.quittance.web.staff;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.quittance.money.Money;
import org.quittance.bankfiles.boundary.AchReturnImport;
import org.quittance.receipts.boundary.IntegratedReceipts;
import org.quittance.receipts.boundary.ReceiptImport;
import org.quittance.receipts.boundary.ReceiptRefunds;
import org.quittance.receipts.entity.ReceiptState;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Actions › Receipt &amp; Adjustment Entry › Integrated Receipts: the receipts the processor reported,
 * with their suggested match; select, Accept Selected, Reject, Undo; and the receipt import on demand.
 */
@Named
@ViewScoped
public class ReceiptsView implements Serializable {

    @jakarta.inject.Inject
    org.quittance.platform.boundary.DisplayFormats fmt;


    @EJB
    IntegratedReceipts receipts;

    @EJB
    ReceiptImport receiptImport;

    @EJB
    ReceiptRefunds refunds;

    @EJB
    AchReturnImport achReturns;

    static final int IMPORT_TAB = 3;
    static final int RETURNS_TAB = 4;

    private int tab;
    private List<AchReturnImport.Row> returns;
    private ReceiptState state = ReceiptState.AWAITING_ACCEPTANCE;
    private String search;
    private List<IntegratedReceipts.Row> rows;
    private transient SelectableRows<IntegratedReceipts.Row> model;
    private List<IntegratedReceipts.Row> selection = new ArrayList<>();
    private String reason;
    private LocalDate importFrom = LocalDate.now().minusDays(7);
    private LocalDate importTo = LocalDate.now();
    private Long importExecution;
    private ReceiptImport.Progress progress;
    private IntegratedReceipts.Row refunding;
    private BigDecimal refundAmount;
    private String refundReason;
    private String refundKey;

    @PostConstruct
    void init() {
        // The running import, or else the last one if it failed or was stopped: staff may restart it.
        receiptImport.running().or(() -> receiptImport.recent(1).stream().filter(ReceiptImport.Progress::restartable).findFirst())
                .ifPresent(p -> {
                    importExecution = p.executionId();
                    progress = p;
                });
    }

    public void applyFilter() {
        rows = null;
        selection = new ArrayList<>();
    }

    public void acceptSelected() {
        if (selection.isEmpty()) {
            Feedback.error("Select the receipts to accept.");
            return;
        }
        IntegratedReceipts.Accepted done = Feedback.attempt(() -> receipts.acceptSelected(ids()), null);
        if (done != null) {
            Feedback.info(done.applied() + " accepted" + (done.alreadyDecided() > 0 ? ", " + done.alreadyDecided() + " already decided by someone else" : "") + ".");
            done.refused().forEach(Feedback::error);
        }
        applyFilter();
    }

    public void rejectSelected() {
        if (selection.isEmpty()) {
            Feedback.error("Select the receipts to reject.");
            return;
        }
        Integer rejected = Feedback.attempt(() -> receipts.reject(ids(), reason), null);
        if (rejected != null) {
            Feedback.info(rejected + " rejected.");
            reason = null;
            applyFilter();
        }
    }

    public void undo(Long receiptId) {
        if (Feedback.run(() -> receipts.undoAcceptance(receiptId, reason), "Acceptance undone: the receipt waits again.")) {
            reason = null;
            applyFilter();
        }
    }

    /** Opens the refund form for a receipt; the form's key makes a double click refund once. */
    public void startRefund(IntegratedReceipts.Row row) {
        refunding = row;
        refundAmount = row.gross().amount();
        refundReason = null;
        refundKey = UUID.randomUUID().toString();
    }

    public void refund() {
        if (refunding == null) {
            return;
        }
        String what = Money.of(refundAmount == null ? BigDecimal.ZERO : refundAmount, refunding.gross().currency()) + " of " + refunding.reference();
        if (Feedback.run(() -> refunds.refund(refunding.id(), refundAmount, refundReason, refundKey),
                "Refunded " + what + " to the client's card; the invoices it paid are open again for that amount.")) {
            refunding = null;
            applyFilter();
        }
    }

    public void startImport() {
        if (importFrom == null || importTo == null) {
            Feedback.error("Choose the period to import.");
            return;
        }
        importExecution = Feedback.attempt(() -> receiptImport.start(importFrom.atStartOfDay().toInstant(ZoneOffset.UTC),
                importTo.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)), null);
        poll();
    }

    /** Continues the shown import from its last checkpoint. */
    public void restartImport() {
        if (progress == null || !progress.restartable()) {
            return;
        }
        Long restarted = Feedback.attempt(() -> receiptImport.restart(progress.executionId()), null);
        if (restarted != null) {
            importExecution = restarted;
        }
        poll();
    }

    public boolean isImportRestartable() {
        return progress != null && progress.restartable();
    }

    public void poll() {
        if (importExecution != null) {
            progress = receiptImport.progress(importExecution);
            if (!progress.running()) {
                rows = null;
            }
        }
    }

    /** After a settlement file upload: its import run, with progress, on the import tab. */
    public void follow(long executionId) {
        importExecution = executionId;
        tab = IMPORT_TAB;
        poll();
    }

    public boolean isImportRunning() {
        return progress != null && progress.running();
    }

    /** The selection's total per currency, e.g. "GBP 1,299.00". */
    public String getSelectionTotal() {
        Map<String, Money> totals = new TreeMap<>();
        selection.forEach(r -> totals.merge(r.gross().currency(), r.gross(), Money::plus));
        return totals.values().stream().map(fmt::money).collect(Collectors.joining(" + "));
    }

    private List<Long> ids() {
        return selection.stream().map(IntegratedReceipts.Row::id).toList();
    }

    public List<IntegratedReceipts.Row> getRows() {
        if (rows == null) {
            rows = receipts.list(state, search, 1000);
            model = null;
        }
        return rows;
    }

    /** The rows as the table's model: a selected row is found by its id in one step. */
    public SelectableRows<IntegratedReceipts.Row> getModel() {
        List<IntegratedReceipts.Row> current = getRows();
        if (model == null) {
            model = new SelectableRows<>(current, r -> String.valueOf(r.id()));
        }
        return model;
    }

    /** After a return file: its outcomes, on their tab. */
    public void showReturns() {
        returns = null;
        tab = RETURNS_TAB;
    }

    public List<AchReturnImport.Row> getReturns() {
        if (returns == null) {
            returns = achReturns.recent(500);
        }
        return returns;
    }

    public int getTab() { return tab; }
    public void setTab(int tab) { this.tab = tab; }
    public ReceiptState[] getStates() { return ReceiptState.values(); }
    public ReceiptState getState() { return state; }
    public void setState(ReceiptState state) { this.state = state; }
    public String getSearch() { return search; }
    public void setSearch(String search) { this.search = search; }
    public List<IntegratedReceipts.Row> getSelection() { return selection; }
    public void setSelection(List<IntegratedReceipts.Row> selection) { this.selection = selection == null ? new ArrayList<>() : selection; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public LocalDate getImportFrom() { return importFrom; }
    public void setImportFrom(LocalDate importFrom) { this.importFrom = importFrom; }
    public LocalDate getImportTo() { return importTo; }
    public void setImportTo(LocalDate importTo) { this.importTo = importTo; }
    public ReceiptImport.Progress getProgress() { return progress; }
    public IntegratedReceipts.Row getRefunding() { return refunding; }
    public BigDecimal getRefundAmount() { return refundAmount; }
    public void setRefundAmount(BigDecimal refundAmount) { this.refundAmount = refundAmount; }
    public String getRefundReason() { return refundReason; }
    public void setRefundReason(String refundReason) { this.refundReason = refundReason; }
}
