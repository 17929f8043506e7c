package org.quittance.web.staff;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.quittance.firm.boundary.FirmSettings;
import org.quittance.money.Money;
import org.quittance.receipts.boundary.ManualReceipts;
import org.quittance.billing.control.OpenInvoice;
import org.quittance.receipts.control.ReceiptAllocation;
import org.quittance.receipts.entity.PaymentMethod;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Actions › Receipt &amp; Adjustment Entry › Manual Receipt: a cheque, cash, a wire or an ACH credit
 * entered against the client's open invoices. The form carries its own key, so a double click or a
 * resubmitted request enters the receipt once.
 */
@Named
@ViewScoped
public class ManualReceiptView implements Serializable {

    @EJB
    transient ManualReceipts manualReceipts;

    @Inject
    ClientPicker client;

    @EJB
    transient FirmSettings firmSettings;

    private PaymentMethod method = PaymentMethod.CHEQUE;
    private String reference;
    private LocalDate receivedOn = LocalDate.now();
    private BigDecimal amount;
    private String currency;
    private String note;
    private String entryKey;
    private List<OpenInvoice> invoices = List.of();
    private Map<Long, BigDecimal> parts = new HashMap<>();

    @PostConstruct
    void init() {
        currency = firmSettings.firm().defaultCurrency();
        entryKey = UUID.randomUUID().toString();
    }

    public void clientChosen() {
        invoices = client.id() == null ? List.of() : manualReceipts.openInvoices(client.id());
        parts = new HashMap<>();
        invoices.stream().findFirst().ifPresent(i -> currency = i.balance().currency());
    }

    /** Fills the parts oldest due first, as saving with no parts would. */
    public void spread() {
        if (amount == null || amount.signum() <= 0) {
            Feedback.error("Give the amount received first.");
            return;
        }
        parts = new HashMap<>();
        List<OpenInvoice> same = invoices.stream().filter(i -> i.balance().currency().equals(currency)).toList();
        ReceiptAllocation.oldestDueFirst(Money.of(amount, currency), same).invoices().forEach((id, part) -> parts.put(id, part.amount()));
    }

    public void save() {
        Map<Long, BigDecimal> chosen = new LinkedHashMap<>();
        parts.forEach((id, part) -> {
            if (part != null && part.signum() != 0) {
                chosen.put(id, part);
            }
        });
        ManualReceipts.Entry entry = new ManualReceipts.Entry(client.id(), method, reference, receivedOn, amount, currency, chosen, note, entryKey);
        String what = method.label() + " " + (reference == null ? "" : reference.trim()) + " of "
                + (amount == null ? "" : Money.of(amount, currency));
        if (Feedback.attempt(() -> manualReceipts.enter(entry), what + " is on the books; the portal shows what it paid.") != null) {
            reference = null;
            amount = null;
            note = null;
            entryKey = UUID.randomUUID().toString();
            clientChosen();
        }
    }

    /** What is placed on invoices and what would become the client's credit, as the form stands. */
    public String getSplitSummary() {
        if (amount == null) {
            return "";
        }
        if (Placement.placed(parts.values()).signum() == 0) {
            return "Nothing placed: saving spreads " + Money.of(amount, currency) + " oldest due first.";
        }
        return Placement.describe(amount, parts.values(), currency, "more than the amount received");
    }

    public ClientPicker getClient() { return client; }
    public List<PaymentMethod> getMethods() { return Arrays.stream(PaymentMethod.values()).filter(m -> m != PaymentMethod.CARD).toList(); }
    public List<OpenInvoice> getInvoices() { return invoices; }
    public Map<Long, BigDecimal> getParts() { return parts; }
    public Long getClientId() { return client.id(); }
    public PaymentMethod getMethod() { return method; }
    public void setMethod(PaymentMethod method) { this.method = method; }
    public String getReference() { return reference; }
    public void setReference(String reference) { this.reference = reference; }
    public LocalDate getReceivedOn() { return receivedOn; }
    public void setReceivedOn(LocalDate receivedOn) { this.receivedOn = receivedOn; }
    public BigDecimal getAmount() { return amount; }
    public void setAmount(BigDecimal amount) { this.amount = amount; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
    public String getEntryKey() { return entryKey; }
    /** Submitted with the form: a second click on the same page carries the same key. */
    public void setEntryKey(String entryKey) { this.entryKey = entryKey; }
}
