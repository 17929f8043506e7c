package org.quittance.web.staff;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.quittance.security.boundary.SignInFilter;
import org.quittance.staff.boundary.StaffAccounts;

/** My account: a staff user changes their own password. */
@Named
@RequestScoped
public class AccountView {

    @EJB
    StaffAccounts accounts;

    private String current;
    private String password;
    private String confirmation;

    public void change() {
        if (password == null || !password.equals(confirmation)) {
            Feedback.error("The two new passwords are not the same.");
            return;
        }
        if (Feedback.run(() -> accounts.changeOwnPassword(current, password), "Your password is changed. Your other sessions have ended.")) {
            // This session goes on under the new password; the others end at their next request.
            SignInFilter.restamp(((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest()).getSession());
        }
    }

    public String getCurrent() { return current; }
    public void setCurrent(String current) { this.current = current; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getConfirmation() { return confirmation; }
    public void setConfirmation(String confirmation) { this.confirmation = confirmation; }
}
