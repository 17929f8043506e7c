package org.quittance.web.staff;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.quittance.receipts.boundary.IntegratedReceipts;
import org.quittance.receipts.boundary.ManualReceipts;
import org.quittance.billing.control.OpenInvoice;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Integrated Receipts › Split…: before a receipt is accepted, staff choose (or correct) the client it
 * came from and how much of it pays each of that client's open invoices; the rest becomes credit.
 */
@Named
@ViewScoped
public class SplitView implements Serializable {

    @EJB
    transient IntegratedReceipts receipts;

    @EJB
    transient ManualReceipts manualReceipts;

    @Inject
    ClientPicker client;

    /** The Receipts screen's table shows the new split once saved. */
    @Inject
    ReceiptsView receiptsView;

    private IntegratedReceipts.Row receipt;
    private List<OpenInvoice> invoices = List.of();
    private Map<Long, BigDecimal> parts = new HashMap<>();

    public void start(IntegratedReceipts.Row row) {
        receipt = row;
        client.choose(row.clientId());
        parts = new HashMap<>();
        receipts.receipt(row.id()).allocations().forEach((id, part) -> parts.put(id, part.amount()));
        loadInvoices();
    }

    public void clientChosen() {
        parts = new HashMap<>();
        loadInvoices();
    }

    private void loadInvoices() {
        invoices = client.id() == null ? List.of() : manualReceipts.openInvoices(client.id()).stream()
                .filter(i -> i.balance().currency().equals(receipt.gross().currency())).toList();
    }

    public void save() {
        if (receipt == null) {
            return;
        }
        if (client.id() == null) {
            Feedback.error("Choose the client who paid.");
            return;
        }
        if (Feedback.run(() -> receipts.resplit(receipt.id(), client.id(), parts),
                "The split of " + receipt.reference() + " is saved; accept the receipt to put it on the books.")) {
            receipt = null;
            receiptsView.applyFilter();
        }
    }

    /** What is placed on invoices and what would be credit, as the form stands. */
    public String getSummary() {
        if (receipt == null) {
            return "";
        }
        return Placement.describe(receipt.gross().amount(), parts.values(), receipt.gross().currency(), "more than the receipt");
    }

    public ClientPicker getClient() { return client; }
    public IntegratedReceipts.Row getReceipt() { return receipt; }
    public List<OpenInvoice> getInvoices() { return invoices; }
    public Map<Long, BigDecimal> getParts() { return parts; }
    public Long getClientId() { return client.id(); }
}
