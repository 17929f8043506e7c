package org.quittance.web.portal.webhooks;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.quittance.payments.boundary.WebhookInbox;
import org.quittance.payments.processor.NotificationRefused;

import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;

/**
 * Stripe's webhook endpoint, open to anyone, so the cheap checks come first: a request without a
 * well-formed {@code Stripe-Signature} is refused before its body is read, and a body is read only
 * up to {@link WebhookBody#MAX_BYTES}. The body is taken as raw
 * bytes: the signature is over exactly these. 400 for anything refused (Stripe retries, and an
 * attacker learns nothing), 413 for a body too large, 200 for accepted and for duplicates alike.
 */
@Path("stripe")
@RequestScoped
public class StripeWebhookResource {

    /** "t=1700000000,v1=<hex>[,v1=…][,v0=…]": a timestamp and a few signatures, nothing longer. */
    private static final Pattern SIGNATURE_SHAPE = Pattern.compile("t=\\d{1,12}(,[a-z0-9]{1,8}=[A-Za-z0-9_]{1,128}){1,8}");
    private static final RefusalLog REFUSALS = new RefusalLog("Stripe webhook refused");

    @EJB
    WebhookInbox inbox;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(InputStream body, @HeaderParam("Stripe-Signature") String signature,
                            @HeaderParam("Content-Length") String declaredLength) throws IOException {
        if (signature == null || signature.length() > 1200 || !SIGNATURE_SHAPE.matcher(signature.replace(" ", "")).matches()) {
            return refused(Response.Status.BAD_REQUEST, "missing or malformed Stripe-Signature header");
        }
        WebhookBody.Read read = WebhookBody.read(body, declaredLength);
        if (read.tooLarge() != null) {
            return refused(Response.Status.REQUEST_ENTITY_TOO_LARGE, read.tooLarge());
        }
        byte[] raw = read.bytes();
        try {
            WebhookInbox.Receipt receipt = inbox.receive("STRIPE", raw, signature);
            return Response.ok("{\"received\":true,\"duplicate\":" + (receipt == WebhookInbox.Receipt.DUPLICATE) + "}").build();
        } catch (NotificationRefused e) {
            return refused(Response.Status.BAD_REQUEST, e.getMessage() + " (" + raw.length + " bytes)");
        }
    }

    private static Response refused(Response.Status status, String reason) {
        REFUSALS.log(reason);
        return Response.status(status).entity("{\"error\":\"refused\"}").type(MediaType.APPLICATION_JSON).build();
    }
}
