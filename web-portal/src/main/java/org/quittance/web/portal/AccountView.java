package org.quittance.web.portal;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import org.quittance.portal.boundary.PortalInvoices;

import java.util.List;

/**
 * The client whose invoices the portal shows, for a login that acts for several (a director of two
 * companies): chosen with {@code ?account=} and kept in the session. Only a client the login serves
 * can be chosen; the lists are per client, so one client's balance never mixes with another's.
 */
@Named
@RequestScoped
public class AccountView {

    private static final String CHOSEN = AccountView.class.getName() + ".chosen";

    @EJB
    PortalInvoices invoices;

    private List<PortalInvoices.Account> accounts;
    private PortalInvoices.Account current;

    public List<PortalInvoices.Account> getAccounts() {
        if (accounts == null) {
            accounts = invoices.accounts(context().getRemoteUser());
        }
        return accounts;
    }

    public boolean isSeveral() {
        return getAccounts().size() > 1;
    }

    public PortalInvoices.Account getCurrent() {
        if (current == null) {
            Object chosen = context().getSessionMap().get(CHOSEN);
            String asked = context().getRequestParameterMap().get("account");
            current = find(asked).or(() -> find(chosen == null ? null : chosen.toString()))
                    .orElse(getAccounts().isEmpty() ? null : getAccounts().get(0));
            remember();
        }
        return current;
    }

    /** The id the lists are filtered by; null for a login that serves no client (it then sees nothing either way). */
    public Long currentId() {
        return getCurrent() == null ? null : getCurrent().clientId();
    }

    /** Opening an invoice of another of the login's clients switches to that client. */
    public void choose(Long clientId) {
        find(String.valueOf(clientId)).ifPresent(account -> {
            current = account;
            remember();
        });
    }

    /** Only a change is written: a session written to is a session the server stores again (and sends to the other node). */
    private void remember() {
        if (current != null && !current.clientId().equals(context().getSessionMap().get(CHOSEN))) {
            context().getSessionMap().put(CHOSEN, current.clientId());
        }
    }

    private java.util.Optional<PortalInvoices.Account> find(String id) {
        if (id == null || id.length() > 19) {
            return java.util.Optional.empty();
        }
        return getAccounts().stream().filter(a -> String.valueOf(a.clientId()).equals(id)).findFirst();
    }

    private static ExternalContext context() {
        return FacesContext.getCurrentInstance().getExternalContext();
    }
}
