package org.quittance.web.staff;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import org.quittance.firm.boundary.FirmSettings;
import org.quittance.home.boundary.Attention;

/** The staff home: what waits for someone at the firm. */
@Named
@RequestScoped
public class HomeView {

    @EJB
    Attention attention;

    @EJB
    FirmSettings firmSettings;

    private Attention.Summary summary;
    private FirmSettings.AccountView account;

    @PostConstruct
    void load() {
        summary = attention.now();
        if (FacesContext.getCurrentInstance().getExternalContext().isUserInRole("admin")) {
            account = firmSettings.paymentAccount().orElse(null);  // administrators' business only
        }
    }

    public Attention.Summary getSummary() { return summary; }

    public FirmSettings.AccountView getAccount() { return account; }
}
