package org.quittance.web.staff;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.quittance.adjustments.boundary.Adjustments;
import org.quittance.adjustments.entity.AdjustmentKind;
import org.quittance.firm.boundary.FirmSettings;
import org.quittance.ledger.boundary.Ledgers;
import org.quittance.money.Money;
import org.quittance.receipts.boundary.ManualReceipts;
import org.quittance.billing.control.OpenInvoice;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Actions › Receipt &amp; Adjustment Entry › Adjustment: a write-off or credit memo with its reason, or
 * the client's unapplied credit applied to an invoice or refunded. The form carries its own key, so a
 * double click makes one adjustment.
 */
@Named
@ViewScoped
public class AdjustmentView implements Serializable {

    @jakarta.inject.Inject
    org.quittance.platform.boundary.DisplayFormats fmt;


    @EJB
    transient Adjustments adjustments;

    @EJB
    transient ManualReceipts manualReceipts;

    @Inject
    ClientPicker client;

    @EJB
    transient Ledgers ledgers;

    @EJB
    transient FirmSettings firmSettings;

    private AdjustmentKind kind = AdjustmentKind.WRITE_OFF;
    private Long invoiceId;
    private BigDecimal amount;
    private String currency;
    private String reason;
    private String entryKey;
    private List<OpenInvoice> invoices = List.of();
    private Map<String, Money> credit = Map.of();
    private List<Adjustments.Row> history = List.of();

    @PostConstruct
    void init() {
        currency = firmSettings.firm().defaultCurrency();
        entryKey = UUID.randomUUID().toString();
    }

    public void clientChosen() {
        invoiceId = null;
        invoices = client.id() == null ? List.of() : manualReceipts.openInvoices(client.id());
        credit = client.id() == null ? Map.of() : ledgers.unappliedCredit(client.id());
        history = client.id() == null ? List.of() : adjustments.ofClient(client.id());
        invoices.stream().findFirst().ifPresent(i -> currency = i.balance().currency());
    }

    /** The invoice sets the currency and, for a write-off, offers its whole balance. */
    public void invoiceChosen() {
        invoices.stream().filter(i -> i.invoiceId().equals(invoiceId)).findFirst().ifPresent(i -> {
            currency = i.balance().currency();
            if (amount == null && kind == AdjustmentKind.WRITE_OFF) {
                amount = i.balance().amount();
            }
        });
    }

    public void save() {
        Adjustments.Entry entry = new Adjustments.Entry(client.id(), kind, kind == AdjustmentKind.CREDIT_REFUNDED ? null : invoiceId, amount,
                currency, reason, entryKey);
        String what = kind.label() + (amount == null ? "" : " of " + Money.of(amount, currency));
        if (Feedback.attempt(() -> adjustments.enter(entry), what + " is on the ledgers.") != null) {
            amount = null;
            reason = null;
            entryKey = UUID.randomUUID().toString();
            clientChosen();
        }
    }

    /** "GBP 120.00 unapplied credit", or that there is none. */
    public String getCreditSummary() {
        List<Money> positive = credit.values().stream().filter(Money::isPositive).toList();
        return positive.isEmpty() ? "No unapplied credit." : positive.stream().map(fmt::money).reduce((a, b) -> a + ", " + b).orElseThrow()
                + " unapplied credit.";
    }

    public ClientPicker getClient() { return client; }
    public AdjustmentKind[] getKinds() { return AdjustmentKind.values(); }
    public List<OpenInvoice> getInvoices() { return invoices; }
    public List<Adjustments.Row> getHistory() { return history; }
    public Long getClientId() { return client.id(); }
    public AdjustmentKind getKind() { return kind; }
    public void setKind(AdjustmentKind kind) { this.kind = kind; }
    public Long getInvoiceId() { return invoiceId; }
    public void setInvoiceId(Long invoiceId) { this.invoiceId = invoiceId; }
    public BigDecimal getAmount() { return amount; }
    public void setAmount(BigDecimal amount) { this.amount = amount; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public String getEntryKey() { return entryKey; }
    /** Submitted with the form: a second click on the same page carries the same key. */
    public void setEntryKey(String entryKey) { this.entryKey = entryKey; }
}
