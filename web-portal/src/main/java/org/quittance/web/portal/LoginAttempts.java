package org.quittance.web.portal;

import jakarta.ejb.EJB;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.quittance.portal.boundary.PortalLogins;

import java.io.IOException;

/**
 * Counts sign-in results for the lock-out: the container forwards a failed form login to the error
 * page (the typed login is still a request parameter), and the first request of a signed-in session
 * clears the count.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD})
public class LoginAttempts extends HttpFilter {

    private static final String COUNTED = LoginAttempts.class.getName() + ".counted";

    @EJB
    PortalLogins logins;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (request.getDispatcherType() == DispatcherType.FORWARD && request.getServletPath().equals("/login-error.xhtml")) {
            logins.failed(request.getParameter("j_username"));
        } else if (request.getUserPrincipal() != null) {
            HttpSession session = request.getSession();
            if (session.getAttribute(COUNTED) == null) {
                logins.succeeded(request.getUserPrincipal().getName());
                session.setAttribute(COUNTED, Boolean.TRUE);
            }
        }
        chain.doFilter(request, response);
    }
}
