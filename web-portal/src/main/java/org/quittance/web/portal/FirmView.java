package org.quittance.web.portal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.quittance.firm.control.Letterhead;
import org.quittance.platform.boundary.DisplayFormats;

/**
 * Whose portal this is: the firm's name and logo on every portal page, signed in or not, so that a
 * client knows where they are (and a copy of the page on another address looks different).
 */
@Named
@RequestScoped
public class FirmView {

    /** The page's formats read the same letterhead: one read a request for both. */
    @Inject
    DisplayFormats fmt;

    private Letterhead letterhead() {
        return fmt.letterhead();
    }

    /** "Client portal" in an installation before its first-run setup. */
    public String getName() {
        return letterhead().setUp() ? letterhead().name() : "Client portal";
    }

    public boolean isLogo() {
        return letterhead().logo();
    }
}
