package org.quittance.web.staff;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.quittance.ledger.boundary.Receivables;
import org.quittance.money.Money;
import org.quittance.receipts.boundary.PayoutReconciliation;
import org.quittance.receipts.boundary.ReceiptReports;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/** Reports: A/R aging by client with its chart, receipts by month with the processor's fees, and payout reconciliation. */
@Named
@ViewScoped
public class ReportsView implements Serializable {

    /** One bar segment of the aging chart. */
    public record Segment(String label, Money amount, BigDecimal percent, String css) {
    }

    @EJB
    transient Receivables receivables;

    @EJB
    transient ReceiptReports receiptReports;

    @EJB
    transient PayoutReconciliation payoutReconciliation;

    private LocalDate asOf = LocalDate.now();
    private LocalDate from = LocalDate.now().withDayOfMonth(1).minusMonths(11);
    private LocalDate to = LocalDate.now();
    private List<Receivables.Aged> aging;
    private List<Receivables.Aged> totals;
    private List<ReceiptReports.Period> receipts;
    private List<PayoutReconciliation.Reconciled> payouts;

    @PostConstruct
    void init() {
        refresh();
    }

    public void refresh() {
        aging = receivables.aging(asOf);
        totals = Receivables.totals(aging);
        receipts = receiptReports.byMonth(from, to);
        payouts = payoutReconciliation.payouts(200);
    }

    /** Asks the processor for the payouts of the period (the receipts' From and To) and what they carry. */
    public void fetchPayouts() {
        PayoutReconciliation.Fetched fetched = Feedback.attempt(() -> payoutReconciliation.fetch(from, to), null);
        if (fetched != null) {
            Feedback.info(fetched.payouts() + (fetched.payouts() == 1 ? " payout" : " payouts") + " fetched from the processor, carrying "
                    + fetched.transactions() + (fetched.transactions() == 1 ? " transaction." : " transactions."));
            refresh();
        }
    }

    /** The chart of one currency's total: each age band's share of what is owed. */
    public List<Segment> chart(Receivables.Aged total) {
        Money all = total.total();
        return List.of(segment("Current (0–30 days)", total.current(), all, "q-age-0"),
                segment("31–60 days", total.days31to60(), all, "q-age-1"),
                segment("61–90 days", total.days61to90(), all, "q-age-2"),
                segment("Over 90 days", total.over90(), all, "q-age-3"));
    }

    private static Segment segment(String label, Money amount, Money all, String css) {
        BigDecimal percent = all.isZero() ? BigDecimal.ZERO
                : amount.amount().multiply(BigDecimal.valueOf(100)).divide(all.amount(), 1, RoundingMode.HALF_UP);
        return new Segment(label, amount, percent, css);
    }

    public String sourceLabel(String source) {
        return switch (source) {
            case "PROCESSOR" -> "Card, in the portal";
            case "BANK" -> "Bank statement";
            case "MANUAL" -> "Entered by staff";
            default -> source;
        };
    }

    public List<Receivables.Aged> getAging() { return aging; }
    public List<Receivables.Aged> getTotals() { return totals; }
    public List<ReceiptReports.Period> getReceipts() { return receipts; }
    public List<PayoutReconciliation.Reconciled> getPayouts() { return payouts; }
    public LocalDate getAsOf() { return asOf; }
    public void setAsOf(LocalDate asOf) { this.asOf = asOf; }
    public LocalDate getFrom() { return from; }
    public void setFrom(LocalDate from) { this.from = from; }
    public LocalDate getTo() { return to; }
    public void setTo(LocalDate to) { this.to = to; }
}
