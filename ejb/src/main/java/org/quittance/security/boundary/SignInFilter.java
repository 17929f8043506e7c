package org.quittance.security.boundary;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.quittance.security.control.Realm;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.io.IOException;

/**
 * What the container's form login does not do, the same in both web applications (declared in
 * each web.xml with its realm):
 * <ul>
 * <li>counts a failed sign-in (the container forwards it to the error page, the typed login still a
 * request parameter) against the login and the remote address;</li>
 * <li>clears the count at the first request of a signed-in session, and notes the user's credentials
 * stamp;</li>
 * <li>ends a session whose user's password was changed or reset elsewhere since, or who was
 * disabled: its stamp no longer matches.</li>
 * </ul>
 */
public class SignInFilter extends HttpFilter {

    private static final String STAMP = SignInFilter.class.getName() + ".stamp";

    private Realm realm;
    private SignInAttempts attempts;

    @Override
    public void init() throws ServletException {
        realm = Realm.valueOf(getInitParameter("realm"));
        try {
            attempts = InitialContext.doLookup("java:app/quittance-ejb/SignInAttempts");
        } catch (NamingException e) {
            throw new ServletException("SignInAttempts is not deployed", e);
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (request.getDispatcherType() == DispatcherType.FORWARD && request.getServletPath().equals("/login-error.xhtml")) {
            attempts.failed(realm, request.getParameter("j_username"), request.getRemoteAddr());
        } else if (request.getDispatcherType() == DispatcherType.REQUEST && request.getUserPrincipal() != null
                && !request.getServletPath().startsWith("/jakarta.faces.resource")) {
            HttpSession session = request.getSession();
            String login = request.getUserPrincipal().getName();
            Object stamp = session.getAttribute(STAMP);
            if (stamp == null) {
                session.setAttribute(STAMP, attempts.succeeded(realm, login));
            } else if (!stamp.equals(attempts.stamp(realm, login))) {
                session.invalidate();
                response.sendRedirect(request.getContextPath() + "/");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** After the user changed the password in this session: the session goes on under the new stamp. */
    public static void restamp(HttpSession session) {
        session.removeAttribute(STAMP);
    }
}
