package org.quittance.web.portal;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.quittance.firm.boundary.FirmSettings;
import org.quittance.firm.entity.Firm;

/**
 * Whose portal this is: the firm's name and logo on every portal page, signed in or not, so that a
 * client knows where they are (and a copy of the page on another address looks different).
 */
@Named
@RequestScoped
public class FirmView {

    @EJB
    FirmSettings settings;

    private Firm firm;

    private Firm firm() {
        if (firm == null) {
            try {
                firm = settings.firm();
            } catch (org.quittance.platform.control.RuleViolation notSetUp) {
                return null;  // an installation before its first-run setup
            }
        }
        return firm;
    }

    public String getName() {
        return firm() == null ? "Client portal" : firm().name();
    }

    public boolean isLogo() {
        return firm() != null && firm().logo() != null;
    }
}
