package org.quittance.web.staff;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import org.quittance.firm.boundary.FirmSettings;
import org.quittance.payments.boundary.PaymentAccounts;
import org.quittance.home.boundary.Attention;

/** The staff home: what waits for someone at the firm. */
@Named
@RequestScoped
public class HomeView {

    @EJB
    Attention attention;

    @EJB
    FirmSettings firmSettings;

    @EJB
    PaymentAccounts accounts;

    private Attention.Summary summary;
    private PaymentAccounts.AccountView account;

    @PostConstruct
    void load() {
        summary = attention.now();
        if (FacesContext.getCurrentInstance().getExternalContext().isUserInRole("admin")) {
            account = accounts.paymentAccount().orElse(null);  // administrators' business only
        }
    }

    public Attention.Summary getSummary() { return summary; }

    public PaymentAccounts.AccountView getAccount() { return account; }
}
