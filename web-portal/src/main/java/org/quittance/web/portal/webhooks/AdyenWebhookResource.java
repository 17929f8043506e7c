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

/**
 * Adyen's standard webhook endpoint, open to anyone: the body is read only up to
 * {@link WebhookBody#MAX_BYTES}, every item's HMAC is checked before anything is kept, and Adyen gets
 * the {@code [accepted]} it waits for, for new items and duplicates alike. 400 for anything refused
 * (Adyen retries; an attacker learns nothing), 413 for a body too large.
 */
@Path("adyen")
@RequestScoped
public class AdyenWebhookResource {

    private static final RefusalLog REFUSALS = new RefusalLog("Adyen webhook refused");

    @EJB
    WebhookInbox inbox;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.TEXT_PLAIN)
    public Response receive(InputStream body, @HeaderParam("Content-Length") String declaredLength) throws IOException {
        WebhookBody.Read read = WebhookBody.read(body, declaredLength);
        if (read.tooLarge() != null) {
            return refused(Response.Status.REQUEST_ENTITY_TOO_LARGE, read.tooLarge());
        }
        byte[] raw = read.bytes();
        try {
            inbox.receive("ADYEN", raw, null);
            return Response.ok("[accepted]").build();
        } catch (NotificationRefused e) {
            return refused(Response.Status.BAD_REQUEST, e.getMessage() + " (" + raw.length + " bytes)");
        }
    }

    private static Response refused(Response.Status status, String reason) {
        REFUSALS.log(reason);
        return Response.status(status).entity("refused").type(MediaType.TEXT_PLAIN).build();
    }
}
