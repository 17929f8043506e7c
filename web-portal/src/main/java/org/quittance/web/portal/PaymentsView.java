package org.quittance.web.portal;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import org.quittance.payments.boundary.PortalPayments;

import java.io.IOException;
import java.util.List;

/** The client's payment history and the confirmation page after the processor sends the client back. */
@Named
@RequestScoped
public class PaymentsView {

    @EJB
    PortalPayments payments;

    @jakarta.inject.Inject
    AccountView account;

    private String checkout;
    private PortalPayments.Payment payment;
    private List<PortalPayments.Payment> history;

    /** The confirmation page: another client's reference and a made-up one look the same (404). */
    public void loadCheckout() throws IOException {
        payment = checkout == null ? null : payments.payment(login(), checkout).orElse(null);
        if (payment == null) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "No such payment");
            FacesContext.getCurrentInstance().responseComplete();
        }
    }

    /** For the confirmation page's poll: reads the payment again. */
    public void refresh() {
        payment = payments.payment(login(), checkout).orElse(payment);
    }

    public List<PortalPayments.Payment> getHistory() {
        if (history == null) {
            history = payments.history(login(), account.currentId());
        }
        return history;
    }

    private static String login() {
        return FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
    }

    public String getCheckout() { return checkout; }
    public void setCheckout(String checkout) { this.checkout = checkout; }
    public PortalPayments.Payment getPayment() { return payment; }
}
