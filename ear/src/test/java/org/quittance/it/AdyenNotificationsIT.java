package org.quittance.it;

import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quittance.firm.boundary.FirmSettings;
import org.quittance.payments.entity.ProcessorKind;
import org.quittance.money.Money;
import org.quittance.payments.adyen.AdyenSignature;
import org.quittance.payments.boundary.ProcessorPayments;
import org.quittance.payments.entity.PaymentState;
import org.quittance.payments.entity.ProcessorPayment;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The second processor through the same seam: Adyen's HMAC-signed notification items over HTTP to
 * /portal/webhooks/adyen, kept once per item, applied by the same consumer and state machine as
 * Stripe's, and told to the portal administrator the same way.
 */
@ExtendWith(ArquillianExtension.class)
class AdyenNotificationsIT {

    private static final String KEY = "44782DEF547AAA06C910C43932B1EB0C71FC68D9D0C057550C48EC2ACF6BA056";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.quittanceWith(Deployments.testModule(AdyenNotificationsIT.class, BillingFixtures.class, BillingFixtures.Scenario.class, Mailbox.class)
                .addAsLibraries(Deployments.libraryOnClassPath("greenmail-2")));
    }

    @EJB FirmSettings settings;
    @EJB org.quittance.payments.boundary.PaymentAccounts accounts;
    @EJB BillingFixtures fixtures;
    @EJB ProcessorPayments payments;

    private final HttpClient http = HttpClient.newHttpClient();
    private Mailbox mailbox;

    @BeforeEach
    void adyenAccount() {
        mailbox = Mailbox.open();
        fixtures.firmWithPortalInvoicing(true);
        accounts.connectPaymentAccount(ProcessorKind.ADYEN, false, "Adyen test", null, null, KEY);
    }

    @AfterEach
    void sandboxAgain() {
        mailbox.close();
        fixtures.sandboxAccount("whsec_after_adyen_" + unique());
    }

    @Test
    void aSignedAuthorisationIsOneSucceededPaymentAndOneNotice() throws Exception {
        String psp = "PSP" + unique();
        HttpResponse<String> response = post(batch(signed(item("AUTHORISATION", psp, null, 60000, "true"))));
        assertEquals(200, response.statusCode());
        assertEquals("[accepted]", response.body(), "what Adyen waits for");

        ProcessorPayment payment = awaitState(psp, PaymentState.SUCCEEDED);
        assertEquals("ADYEN", payment.processor());
        assertEquals(Money.of("600.00", "GBP"), payment.amount());
        assertEquals("4242", payment.cardLast4());
        Eventually.await("the portal administrator's notice", WAIT, () -> subjects().contains("Portal payment succeeded: GBP 600.00 (" + psp + ")"));
    }

    @Test
    void refundsAddUpOnceEachAndAChargebackDisputesThePayment() throws Exception {
        String psp = "PSP" + unique();
        post(batch(signed(item("AUTHORISATION", psp, null, 60000, "true"))));
        awaitState(psp, PaymentState.SUCCEEDED);

        byte[] refund = batch(signed(item("REFUND", "PSP" + unique(), psp, 10000, "true")));
        assertEquals("[accepted]", post(refund).body());
        assertEquals("[accepted]", post(refund).body(), "the same refund again is accepted, and kept once");
        ProcessorPayment refunded = awaitState(psp, PaymentState.PARTLY_REFUNDED);
        assertEquals(Money.of("100.00", "GBP"), refunded.refunded(), "one refund of 100.00, however often it came");

        post(batch(signed(item("CHARGEBACK", "PSP" + unique(), psp, 50000, "true"))));
        ProcessorPayment disputed = awaitState(psp, PaymentState.DISPUTED);
        assertEquals(Money.of("600.00", "GBP"), disputed.amount(), "the chargeback's amount is not the payment's");
    }

    @Test
    void theSameItemThreeTimesIsOneNotificationAndOneChange() throws Exception {
        String psp = "PSP" + unique();
        byte[] body = batch(signed(item("AUTHORISATION", psp, null, 25000, "true")));
        for (int i = 0; i < 3; i++) {
            assertEquals("[accepted]", post(body).body());
        }
        ProcessorPayment payment = awaitState(psp, PaymentState.SUCCEEDED);
        assertEquals(1, payments.notifications("AUTHORISATION:" + psp + ":true"));
        Eventually.await("one change", WAIT, () -> payments.changes(payment.id()) == 1);
        Eventually.await("one notice", WAIT, () -> subjects().stream().filter(s -> s.contains(psp)).count() == 1);
    }

    @Test
    void aForgedOrUnsignedItemOrAStripeWebhookIsRefusedAndKeptNowhere() throws Exception {
        String psp = "PSP" + unique();
        JsonObject item = item("AUTHORISATION", psp, null, 60000, "true");
        JsonObject forged = Json.createObjectBuilder(item).add("additionalData", Json.createObjectBuilder()
                .add("hmacSignature", new AdyenSignature("00".repeat(32)).sign(item))).build();
        assertEquals(400, post(batch(forged)).statusCode());
        assertEquals(400, post(batch(item)).statusCode(), "no signature at all");
        assertEquals(400, post("{\"notificationItems\":".getBytes(StandardCharsets.UTF_8)).statusCode());
        byte[] huge = new byte[300 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        assertEquals(413, post(huge).statusCode(), "read no further than a notification can be long");
        assertEquals(0, payments.notifications("AUTHORISATION:" + psp + ":true"));
        // The firm's account is with Adyen: Stripe's endpoint takes nothing, whatever it carries.
        HttpResponse<String> stripe = http.send(HttpRequest.newBuilder(endpoint("stripe"))
                .header("Content-Type", "application/json").header("Stripe-Signature", "t=1,v1=abc")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, stripe.statusCode());
    }

    private ProcessorPayment awaitState(String psp, PaymentState state) {
        Eventually.await("payment " + psp + " " + state, WAIT,
                () -> payments.byPaymentIntent(psp).map(p -> p.state() == state).orElse(false));
        return payments.byPaymentIntent(psp).orElseThrow();
    }

    private static JsonObject item(String code, String psp, String original, long minor, String success) {
        var item = Json.createObjectBuilder()
                .add("amount", Json.createObjectBuilder().add("currency", "GBP").add("value", minor))
                .add("eventCode", code).add("eventDate", "2026-12-05T10:00:00+01:00")
                .add("merchantAccountCode", "WhitlockCraneGB").add("merchantReference", "chk_" + unique())
                .add("pspReference", psp).add("paymentMethod", "visa").add("success", success)
                .add("additionalData", Json.createObjectBuilder().add("cardSummary", "4242"));
        if (original != null) {
            item.add("originalReference", original);
        }
        return item.build();
    }

    private static JsonObject signed(JsonObject item) {
        return Json.createObjectBuilder(item).add("additionalData", Json.createObjectBuilder(item.getJsonObject("additionalData"))
                .add("hmacSignature", new AdyenSignature(KEY).sign(item))).build();
    }

    private static byte[] batch(JsonObject... items) {
        var array = Json.createArrayBuilder();
        for (JsonObject item : items) {
            array.add(Json.createObjectBuilder().add("NotificationRequestItem", item));
        }
        return Json.createObjectBuilder().add("live", "false").add("notificationItems", array).build().toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    private HttpResponse<String> post(byte[] body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(endpoint("adyen")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI endpoint(String processor) {
        return URI.create("http://localhost:" + (8080 + Integer.getInteger("jboss.socket.binding.port-offset", 0))
                + "/portal/webhooks/" + processor);
    }

    private java.util.List<String> subjects() {
        return mailbox.subjects();
    }

    private static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
    }
}
