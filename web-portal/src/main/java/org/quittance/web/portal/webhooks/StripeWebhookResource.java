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

import java.util.logging.Logger;

/**
 * Stripe's webhook endpoint. The body is taken as raw bytes: the signature is over exactly these.
 * 400 for anything refused (Stripe retries, and an attacker learns nothing), 200 for accepted and
 * for duplicates alike.
 */
@Path("stripe")
@RequestScoped
public class StripeWebhookResource {

    private static final Logger LOG = Logger.getLogger(StripeWebhookResource.class.getName());

    @EJB
    WebhookInbox inbox;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(byte[] body, @HeaderParam("Stripe-Signature") String signature) {
        try {
            WebhookInbox.Receipt receipt = inbox.receiveStripe(body == null ? new byte[0] : body, signature);
            return Response.ok("{\"received\":true,\"duplicate\":" + (receipt == WebhookInbox.Receipt.DUPLICATE) + "}").build();
        } catch (NotificationRefused e) {
            LOG.warning(() -> "Stripe webhook refused (" + (body == null ? 0 : body.length) + " bytes): " + e.getMessage());
            return Response.status(Response.Status.BAD_REQUEST).entity("{\"error\":\"refused\"}").build();
        }
    }
}
