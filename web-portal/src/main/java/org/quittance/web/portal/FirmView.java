package org.quittance.web.portal;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.quittance.firm.boundary.FirmSettings;
import org.quittance.firm.control.Letterhead;

/**
 * Whose portal this is: the firm's name and logo on every portal page, signed in or not, so that a
 * client knows where they are (and a copy of the page on another address looks different).
 */
@Named
@RequestScoped
public class FirmView {

    @EJB
    FirmSettings settings;

    private Letterhead letterhead;

    private Letterhead letterhead() {
        if (letterhead == null) {
            letterhead = settings.letterhead();
        }
        return letterhead;
    }

    /** "Client portal" in an installation before its first-run setup. */
    public String getName() {
        return letterhead().setUp() ? letterhead().name() : "Client portal";
    }

    public boolean isLogo() {
        return letterhead().logo();
    }
}
