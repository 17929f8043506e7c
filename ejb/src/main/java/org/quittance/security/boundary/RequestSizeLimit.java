package org.quittance.security.boundary;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import jakarta.servlet.ServletContext;

/**
 * Holds every request body of a web application to 10 MB, the server's usual limit, except one upload
 * the application names (context parameter {@value #LARGE_UPLOAD}: the staff app's bank-file upload,
 * whose settlement file for a year of a large firm is about 150 MB). The server's own limit is set
 * above that upload (quittance.cli), because Undertow refuses a declared length over it before any
 * application handler runs; so each application lowers it again here, first thing, before anything
 * reads a body. A declared length over the limit is answered 413 at once; a chunked body is stopped
 * where it passes the limit.
 */
public class RequestSizeLimit implements ServletExtension {

    public static final long LIMIT = 10L * 1024 * 1024;
    public static final String LARGE_UPLOAD = "org.quittance.large-upload";

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext servletContext) {
        String path = servletContext.getInitParameter(LARGE_UPLOAD);
        String largeUpload = path == null ? null : servletContext.getContextPath() + path;
        deployment.addInitialHandlerChainWrapper(next -> new Limit(next, largeUpload));
    }

    private record Limit(HttpHandler next, String largeUpload) implements HttpHandler {

        @Override
        public void handleRequest(HttpServerExchange exchange) throws Exception {
            if (!isLargeUpload(exchange) && exchange.isRequestChannelAvailable()) {
                if (exchange.getRequestContentLength() > LIMIT) {
                    exchange.setStatusCode(413);
                    exchange.setPersistent(false);  // the body is not read
                    exchange.endExchange();
                    return;
                }
                exchange.setMaxEntitySize(LIMIT);
            }
            next.handleRequest(exchange);
        }

        private boolean isLargeUpload(HttpServerExchange exchange) {
            String type = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
            return largeUpload != null && Methods.POST.equals(exchange.getRequestMethod()) && largeUpload.equals(exchange.getRequestPath())
                    && type != null && type.startsWith("multipart/form-data");
        }
    }
}
