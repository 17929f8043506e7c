package org.quittance.web.staff;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.quittance.security.control.ResetLinks;
import org.quittance.staff.boundary.StaffPasswords;

/** The staff sign-in page's forgotten password, and the page its e-mailed link opens. */
@Named
@RequestScoped
public class StaffPasswordView {

    @EJB
    StaffPasswords passwords;

    private String login;
    private String token;
    private String password;
    private String confirmation;
    private boolean sent;
    private boolean done;
    private ResetLinks.Status status;

    /**
     * The token comes as a request parameter on the link (GET) and on the form's post (a plain hidden
     * field): read here, so that the form's "rendered" already knows it while the post is decoded.
     */
    @PostConstruct
    void readToken() {
        token = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("token");
    }

    public void request() {
        String from = ((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest()).getRemoteAddr();
        // The same answer whether or not the login exists: the page must not tell who works at the firm.
        sent = Feedback.run(() -> passwords.requestReset(login, from), null);
    }

    public boolean isValidLink() {
        return status() == ResetLinks.Status.VALID;
    }

    public String getLinkProblem() {
        return status().explanation();
    }

    private ResetLinks.Status status() {
        if (status == null) {
            status = passwords.status(token);
        }
        return status;
    }

    public void reset() {
        if (password == null || !password.equals(confirmation)) {
            Feedback.error("The two passwords are not the same.");
            return;
        }
        done = Feedback.run(() -> passwords.reset(token, password), null);
    }

    public String getLogin() { return login; }
    public void setLogin(String login) { this.login = login; }
    public String getToken() { return token; }
    public void setToken(String token) { this.token = token; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getConfirmation() { return confirmation; }
    public void setConfirmation(String confirmation) { this.confirmation = confirmation; }
    public boolean isSent() { return sent; }
    public boolean isDone() { return done; }
}
