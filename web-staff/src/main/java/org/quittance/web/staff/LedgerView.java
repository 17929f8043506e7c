package org.quittance.web.staff;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.quittance.clients.boundary.ClientDirectory;
import org.quittance.clients.entity.Client;
import org.quittance.clients.entity.Matter;
import org.quittance.ledger.boundary.Ledgers;
import org.quittance.money.Money;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Ledgers: a client's (or one matter's) ledger with its running balance — every invoice, receipt,
 * credit, refund, reversal and adjustment — and the figures it must agree with: open invoices less
 * unapplied credit.
 */
@Named
@ViewScoped
public class LedgerView implements Serializable {

    @jakarta.inject.Inject
    org.quittance.platform.boundary.DisplayFormats fmt;


    @EJB
    transient Ledgers ledgers;

    @EJB
    transient ClientDirectory clients;

    @jakarta.inject.Inject
    ClientPicker clientPicker;

    private Long clientId;
    private Long matterId;
    private Client client;
    private List<Matter> matters = List.of();
    private List<Ledgers.Line> lines = List.of();
    private Map<String, Money> balance = Map.of();
    private Map<String, Money> credit = Map.of();

    public void load() {
        clientPicker.includeArchived();  // their ledgers are history that staff and auditors read
        clientPicker.choose(clientId);
        client = clientId == null ? null : clients.client(clientId);
        if (client == null) {
            lines = List.of();
            return;
        }
        matters = clients.matters(clientId);
        lines = matterId == null ? ledgers.ofClient(clientId) : ledgers.ofMatter(matterId);
        balance = ledgers.balance(clientId);
        credit = ledgers.unappliedCredit(clientId);
    }

    /** Per currency: what the client owes (positive) or holds in credit (negative). */
    public String getBalance() {
        return shown(balance);
    }

    public String getCredit() {
        return shown(credit);
    }

    /** Open invoices = balance + unapplied credit: the invariant the ledger keeps. */
    public String getOpenInvoices() {
        return shown(balance.keySet().stream().collect(Collectors.toMap(c -> c,
                c -> balance.get(c).plus(credit.getOrDefault(c, Money.zero(c))))));
    }

    private String shown(Map<String, Money> amounts) {
        return amounts.isEmpty() ? "—" : amounts.values().stream().map(fmt::money).collect(Collectors.joining(", "));
    }

    public String getFileName() {
        return "ledger-" + (client == null ? "" : client.name().replaceAll("[^A-Za-z0-9]+", "-").toLowerCase());
    }

    public ClientPicker getClientPicker() { return clientPicker; }

    /** A client chosen in the picker: its ledger, at an address of its own (bookmarks, links from the client page). */
    public void clientChosen() throws java.io.IOException {
        var external = jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.getRequestContextPath() + "/ledger.xhtml?client=" + clientPicker.id());
    }
    public Client getClient() { return client; }
    public List<Matter> getMatters() { return matters; }
    public List<Ledgers.Line> getLines() { return lines; }
    public Long getClientId() { return clientId; }
    public void setClientId(Long clientId) { this.clientId = clientId; }
    public Long getMatterId() { return matterId; }
    public void setMatterId(Long matterId) { this.matterId = matterId; }
}
