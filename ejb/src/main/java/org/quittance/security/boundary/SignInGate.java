package org.quittance.security.boundary;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import io.undertow.util.SameThreadExecutor;
import jakarta.servlet.ServletContext;
import org.quittance.security.control.ThrottleRule;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Slows, then refuses, a form sign-in from a remote address that failed too often lately, before the
 * container verifies anything: the form login is answered by the server's security handler, which
 * runs before any servlet filter, so the gate is an Undertow handler that each web application
 * installs in front of its servlet layer (META-INF/services/io.undertow.servlet.ServletExtension). The failures are counted where
 * the container reports them ({@link SignInAttempts#failed}). Requests for a password-reset link are
 * slowed the same way; their refusal is the portal's own message ({@code PortalPasswords}).
 */
public class SignInGate implements ServletExtension {

    private static final Logger LOG = Logger.getLogger(SignInGate.class.getName());
    static final String REFUSAL = """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Try again later</title></head>
            <body><main><h1>Too many failed sign-ins</h1><p>Too many sign-ins from your network failed lately.
            Try again in 15 minutes.</p></main></body></html>""";

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext servletContext) {
        // Before the servlet layer, so that a slowed request resumes on any thread with the servlet's context set up anew.
        deployment.addInitialHandlerChainWrapper(Gate::new);
    }

    private record Gate(HttpHandler next) implements HttpHandler {

        @Override
        public void handleRequest(HttpServerExchange exchange) throws Exception {
            ThrottleRule rule = ruleFor(exchange);
            if (rule == null || exchange.getSourceAddress() == null) {
                next.handleRequest(exchange);
                return;
            }
            if (exchange.isInIoThread()) {
                exchange.dispatch(this);  // the counter is read from the database: never on an I/O thread
                return;
            }
            ThrottleRule.Verdict verdict = verdict(rule, exchange.getSourceAddress().getAddress().getHostAddress());
            if (verdict.refused() && rule == ThrottleRule.SIGN_IN_FAILURES_BY_ADDRESS) {
                exchange.setStatusCode(429);
                exchange.getResponseHeaders().put(Headers.RETRY_AFTER, String.valueOf(rule.window().toSeconds()));
                exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/html; charset=utf-8");
                exchange.getResponseSender().send(REFUSAL);
            } else if (!verdict.delay().isZero()) {
                // Waits on a timer of the I/O thread, not in a worker: slowed attackers hold no thread.
                long millis = verdict.delay().toMillis();
                exchange.dispatch(SameThreadExecutor.INSTANCE, () ->
                        exchange.getIoThread().executeAfter(() -> exchange.dispatch(next), millis, TimeUnit.MILLISECONDS));
            } else {
                next.handleRequest(exchange);
            }
        }
    }

    private static ThrottleRule ruleFor(HttpServerExchange exchange) {
        if (!Methods.POST.equals(exchange.getRequestMethod())) {
            return null;
        }
        String path = exchange.getRelativePath();
        if (path.endsWith("/j_security_check")) {
            return ThrottleRule.SIGN_IN_FAILURES_BY_ADDRESS;
        }
        if (path.endsWith("/forgot-password.xhtml")) {
            return ThrottleRule.RESETS_BY_ADDRESS;
        }
        return null;
    }

    private static ThrottleRule.Verdict verdict(ThrottleRule rule, String address) {
        try {
            // java:global: in front of the servlet layer there is no component naming context
            Throttle throttle = InitialContext.doLookup("java:global/quittance/quittance-ejb/Throttle");
            return throttle.next(rule, address);
        } catch (NamingException | RuntimeException e) {
            // A counter that cannot be read must not lock every client out; the account lock-out still holds.
            LOG.log(Level.WARNING, "Sign-in gate could not read the throttle; letting the attempt through", e);
            return ThrottleRule.Verdict.GO;
        }
    }
}
