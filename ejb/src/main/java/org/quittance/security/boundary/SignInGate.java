package org.quittance.security.boundary;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import jakarta.servlet.ServletContext;
import org.quittance.security.control.ThrottleRule;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Refuses a form sign-in from a remote address that failed too often lately, before the container
 * verifies anything: the form login is answered by the server's security handler, which runs before
 * any servlet filter, so the gate is an Undertow handler that each web application installs
 * (META-INF/services/io.undertow.servlet.ServletExtension). The failures are counted where the
 * container reports them ({@link SignInAttempts#failed}).
 */
public class SignInGate implements ServletExtension {

    private static final Logger LOG = Logger.getLogger(SignInGate.class.getName());
    static final String REFUSAL = """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Try again later</title></head>
            <body><main><h1>Too many failed sign-ins</h1><p>Too many sign-ins from your network failed lately.
            Try again in 15 minutes.</p></main></body></html>""";

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext servletContext) {
        deployment.addOuterHandlerChainWrapper(SignInGate::gate);
    }

    private static HttpHandler gate(HttpHandler next) {
        return exchange -> {
            if (isSignIn(exchange) && refused(exchange.getSourceAddress().getAddress().getHostAddress())) {
                exchange.setStatusCode(429);
                exchange.getResponseHeaders().put(Headers.RETRY_AFTER, String.valueOf(ThrottleRule.SIGN_IN_FAILURES_BY_ADDRESS.window().toSeconds()));
                exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/html; charset=utf-8");
                exchange.getResponseSender().send(REFUSAL);
                return;
            }
            next.handleRequest(exchange);
        };
    }

    private static boolean isSignIn(HttpServerExchange exchange) {
        return Methods.POST.equals(exchange.getRequestMethod()) && exchange.getRelativePath().endsWith("/j_security_check");
    }

    private static boolean refused(String address) {
        try {
            Throttle throttle = InitialContext.doLookup("java:app/quittance-ejb/Throttle");
            return throttle.refused(ThrottleRule.SIGN_IN_FAILURES_BY_ADDRESS, address);
        } catch (NamingException | RuntimeException e) {
            // A counter that cannot be read must not lock every client out; the account lock-out still holds.
            LOG.log(Level.WARNING, "Sign-in gate could not read the throttle; letting the attempt through", e);
            return false;
        }
    }
}
