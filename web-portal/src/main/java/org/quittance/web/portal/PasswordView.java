package org.quittance.web.portal;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import org.quittance.security.control.ResetLinks;
import org.quittance.platform.control.RuleViolation;
import org.quittance.portal.boundary.PortalPasswords;
import org.quittance.security.boundary.SignInFilter;

import java.io.IOException;

/** Forgotten password (ask for a link, then set a new password through it) and Change password. */
@Named
@RequestScoped
public class PasswordView {

    @EJB
    PortalPasswords passwords;

    private String email;
    private String token;
    private ResetLinks.Status status;
    private String current;
    private String password;
    private String confirmation;
    private boolean sent;

    public void requestLink() {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            passwords.requestReset(email, ((HttpServletRequest) faces.getExternalContext().getRequest()).getRemoteAddr());
            sent = true;  // the same answer whether or not the address has a portal
        } catch (RuleViolation e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
        }
    }

    /**
     * The reset link's token comes as a request parameter on the link (GET) and on the form's post (a
     * plain hidden field): read here, so that the form's "rendered" already knows it while the post is
     * decoded (a view parameter is only set after that, and the form was skipped).
     */
    @PostConstruct
    void readToken() {
        String posted = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("token");
        if (posted != null) {
            token = posted;
            loadReset();
        }
    }

    public void loadReset() {
        status = passwords.status(token);
    }

    public void reset() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (!same(faces, "reset:confirmation")) {
            loadReset();
            return;
        }
        try {
            String login = passwords.reset(token, password);
            ExternalContext external = faces.getExternalContext();
            HttpServletRequest request = (HttpServletRequest) external.getRequest();
            try {
                request.login(login, password);
                request.changeSessionId();
                external.redirect(external.getRequestContextPath() + "/");
            } catch (ServletException e) {
                external.redirect(external.getRequestContextPath() + "/login.xhtml");
            }
        } catch (RuleViolation e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
            loadReset();
        }
    }

    public void change() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (!same(faces, "account:confirmation")) {
            return;
        }
        try {
            passwords.change(faces.getExternalContext().getRemoteUser(), current, password);
            // This session goes on; the user's other sessions end at their next request.
            SignInFilter.restamp(((HttpServletRequest) faces.getExternalContext().getRequest()).getSession());
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Your password is changed. Use it next time you sign in.", null));
        } catch (RuleViolation e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
        }
    }

    private boolean same(FacesContext faces, String field) {
        if (password == null || !password.equals(confirmation)) {
            faces.addMessage(field, new FacesMessage(FacesMessage.SEVERITY_ERROR, "The two passwords differ.", null));
            return false;
        }
        return true;
    }

    public boolean isValid() {
        return status == ResetLinks.Status.VALID;
    }

    public String getProblem() {
        return status == null ? null : status.explanation();
    }

    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getToken() { return token; }
    public void setToken(String token) { this.token = token; }
    public String getCurrent() { return current; }
    public void setCurrent(String current) { this.current = current; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getConfirmation() { return confirmation; }
    public void setConfirmation(String confirmation) { this.confirmation = confirmation; }
    public boolean isSent() { return sent; }
}
