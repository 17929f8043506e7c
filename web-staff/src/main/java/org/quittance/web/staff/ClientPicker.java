package org.quittance.web.staff;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import org.quittance.clients.boundary.ClientSearch;

import java.io.Serializable;
import java.util.List;

/**
 * The client a form is about, chosen by typing part of its name (a PrimeFaces autoComplete over
 * {@link ClientSearch}): a firm's tens of thousands of clients never go to the browser. One per view.
 */
@Dependent
public class ClientPicker implements Serializable {

    @EJB
    transient ClientSearch search;

    private Long clientId;
    /** The chosen client as the picker shows it, read once per choice (the page asks for it several times). */
    private ClientSearch.Pick chosen;
    private boolean archivedToo;

    /** For the autoComplete: a few clients whose name contains the text. */
    public List<ClientSearch.Pick> find(String text) {
        return search.clients(text, archivedToo);
    }

    public ClientSearch.Pick getChosen() {
        if (clientId != null && (chosen == null || chosen.id() != clientId)) {
            chosen = search.client(clientId).orElse(null);
        }
        return clientId == null ? null : chosen;
    }

    public void setChosen(ClientSearch.Pick chosen) {
        this.chosen = chosen;
        clientId = chosen == null ? null : chosen.id();
    }

    public Long id() {
        return clientId;
    }

    public void choose(Long clientId) {
        this.clientId = clientId;
    }

    /** Offer archived clients too (their ledgers are history that staff and auditors read). */
    public void includeArchived() {
        archivedToo = true;
    }
}
