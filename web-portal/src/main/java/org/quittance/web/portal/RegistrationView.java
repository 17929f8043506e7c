package org.quittance.web.portal;

import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import org.quittance.platform.control.RuleViolation;
import org.quittance.portal.boundary.PortalAccess;

import java.io.IOException;
import java.io.Serializable;

/**
 * The registration link from the invitation e-mail: choose a password, and arrive signed in.
 * A used, expired or unknown link gets a page that says so and what to do.
 */
@Named
@ViewScoped
public class RegistrationView implements Serializable {

    @EJB
    transient PortalAccess portals;

    private String token;
    private PortalAccess.Link link;
    private String password;
    private String confirmation;

    public void load() {
        link = portals.link(token);
    }

    public void register() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (password == null || !password.equals(confirmation)) {
            faces.addMessage("register:confirmation", new FacesMessage(FacesMessage.SEVERITY_ERROR, "The two passwords differ.", null));
            return;
        }
        String login;
        try {
            login = portals.register(token, password);
        } catch (RuleViolation e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
            load();
            return;
        }
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        try {
            request.login(login, password);
            request.changeSessionId();
            external.redirect(external.getRequestContextPath() + "/");
        } catch (ServletException e) {
            // Registered but not signed in (e.g. the realm is briefly unavailable): send them to sign in.
            external.redirect(external.getRequestContextPath() + "/login.xhtml");
        }
    }

    public boolean isValid() {
        return link != null && link.status() == PortalAccess.LinkStatus.VALID;
    }

    public String getProblem() {
        return link == null ? null : PortalAccess.explain(link.status());
    }

    public String getToken() { return token; }
    public void setToken(String token) { this.token = token; }
    public PortalAccess.Link getLink() { return link; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getConfirmation() { return confirmation; }
    public void setConfirmation(String confirmation) { this.confirmation = confirmation; }
}
