package org.quittance.it;

import jakarta.ejb.EJB;
import jakarta.mail.internet.MimeMessage;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quittance.firm.boundary.FirmSettings;
import org.quittance.money.Money;
import org.quittance.payments.boundary.ProcessorPayments;
import org.quittance.payments.stripe.StripeSignature;
import org.quittance.payments.entity.PaymentState;
import org.quittance.payments.entity.ProcessorPayment;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Signed Stripe notifications over HTTP to /portal/webhooks/stripe: verified on the raw bytes, kept
 * once per event id, queued, and applied to processor payments whatever their order.
 */
@ExtendWith(ArquillianExtension.class)
class PaymentNotificationsIT {

    private static final String SECRET = "whsec_it_0123456789abcdef";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.quittanceWith(Deployments.testModule(PaymentNotificationsIT.class, BillingFixtures.class, BillingFixtures.Scenario.class, Mailbox.class)
                .addAsResource("stripe-webhooks/payment_intent.succeeded.json")
                .addAsLibraries(Deployments.libraryOnClassPath("greenmail-2")));
    }

    @EJB FirmSettings settings;
    @EJB BillingFixtures fixtures;
    @EJB ProcessorPayments payments;
    @EJB org.quittance.payments.boundary.WebhookInbox inbox;

    private final HttpClient http = HttpClient.newHttpClient();
    private final StripeSignature signer = new StripeSignature(SECRET, Duration.ofSeconds(300));

    @EJB org.quittance.mail.boundary.Mailer mailer;

    private Mailbox mailbox;

    @BeforeEach
    void mailbox() {
        mailbox = Mailbox.open();
    }

    @AfterEach
    void closeMailbox() {
        mailbox.close();
    }

    private long noticesAbout(String reference) {
        return mailbox.count(m -> Mailbox.subject(m).contains(reference));
    }

    @BeforeEach
    void webhookSecret() {
        fixtures.firmWithPortalInvoicing(true);
        fixtures.sandboxAccount(SECRET);
    }

    @Test
    void aSignedEventCreatesOnePayment() throws Exception {
        String pi = "pi_" + unique();
        byte[] body = sample("payment_intent.succeeded").replace("pi_000000000000000000000000", pi)
                .replace("evt_000000000000000000000000", "evt_" + unique()).getBytes(StandardCharsets.UTF_8);

        assertEquals(200, post(body, signer.header(now(), body)).statusCode());

        ProcessorPayment payment = awaitState(pi, PaymentState.SUCCEEDED);
        assertEquals(Money.of("20.00", "USD"), payment.amount());
        assertEquals(1, payments.changes(payment.id()));

        Eventually.await("the portal administrator's notice", WAIT, () -> noticesAbout(pi) == 1);
        MimeMessage notice = mailbox.await("the notice", m -> Mailbox.subject(m).contains(pi));
        assertEquals("portal-admin@test.example", notice.getAllRecipients()[0].toString());
        assertEquals("Portal payment succeeded: USD 20.00 (" + pi + ")", notice.getSubject());
    }

    @Test
    void theSameEventFiveTimesIsOneNotificationAndOneChange() throws Exception {
        String pi = "pi_" + unique();
        String eventId = "evt_" + unique();
        byte[] body = sample("payment_intent.succeeded").replace("pi_000000000000000000000000", pi)
                .replace("evt_000000000000000000000000", eventId).getBytes(StandardCharsets.UTF_8);

        for (int i = 0; i < 5; i++) {
            HttpResponse<String> response = post(body, signer.header(now(), body));
            assertEquals(200, response.statusCode());
            assertEquals(i > 0, response.body().contains("\"duplicate\":true"), response.body());
        }
        ProcessorPayment payment = awaitState(pi, PaymentState.SUCCEEDED);
        Eventually.await("the notice", WAIT, () -> noticesAbout(pi) == 1);
        mailbox.awaitRelayPassed(mailer);
        assertEquals(1, payments.notifications(eventId));
        assertEquals(1, payments.changes(payment.id()));
        assertEquals(1, noticesAbout(pi), "one e-mail to the portal administrator, not five");
    }

    @Test
    void forgedStaleOrMalformedNotificationsGet400AndNothingIsStored() throws Exception {
        String eventId = "evt_" + unique();
        byte[] body = sample("payment_intent.succeeded").replace("evt_000000000000000000000000", eventId).getBytes(StandardCharsets.UTF_8);

        String forged = new StripeSignature("whsec_attacker", Duration.ofSeconds(300)).header(now(), body);
        assertEquals(400, post(body, forged).statusCode());
        assertEquals(400, post(body, signer.header(now() - 301, body)).statusCode(), "stale");
        assertEquals(400, post(body, null).statusCode(), "unsigned");
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("\"amount\": 2000", "\"amount\": 1").getBytes(StandardCharsets.UTF_8);
        assertEquals(400, post(tampered, signer.header(now(), body)).statusCode(), "body changed after signing");
        byte[] malformed = ("{\"id\":\"" + eventId + "\",\"object\":\"event\",\"type\":").getBytes(StandardCharsets.UTF_8);
        assertEquals(400, post(malformed, signer.header(now(), malformed)).statusCode(), "validly signed garbage");

        assertEquals(0, payments.notifications(eventId));
    }

    @Test
    void theEndpointRefusesCheaplyBeforeReadingOrVerifying() throws Exception {
        String eventId = "evt_" + unique();
        byte[] body = sample("payment_intent.succeeded").replace("evt_000000000000000000000000", eventId).getBytes(StandardCharsets.UTF_8);
        assertEquals(400, post(body, "v1=abc").statusCode(), "no timestamp");
        assertEquals(400, post(body, "t=" + now() + ",v1=" + "a".repeat(2000)).statusCode(), "an endless signature");
        assertEquals(400, post(body, "t=" + now() + ";DROP TABLE").statusCode(), "not a signature at all");

        // 1 MB without a signature: answered without being read.
        long start = System.nanoTime();
        assertEquals(400, post(new byte[1024 * 1024], null).statusCode());
        // A signed body over 256 KiB is too large, whatever its signature says.
        byte[] huge = new byte[300 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        assertEquals(413, post(huge, signer.header(now(), huge)).statusCode());
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "refusals are quick");

        assertEquals(0, payments.notifications(eventId));
        // The real event still goes through afterwards.
        assertEquals(200, post(body, signer.header(now(), body)).statusCode());
        assertEquals(1, payments.notifications(eventId));
    }

    /**
     * A charge named under two payment intents used to fail five times on the charge's unique key and
     * end in the dead-letter queue; it is now recorded at once as a conflict, with its reason.
     */
    @Test
    void anEventThatContradictsTheBooksIsRecordedAsAConflictNotRetried() throws Exception {
        String piA = "pi_" + unique();
        String piB = "pi_" + unique();
        String ch = "ch_" + unique();
        byte[] processingA = event("payment_intent.processing", """
                {"id":"%s","object":"payment_intent","amount":50000,"currency":"gbp","status":"processing"}""".formatted(piA));
        byte[] succeededB = event("payment_intent.succeeded", """
                {"id":"%s","object":"payment_intent","latest_charge":"%s","amount":50000,"currency":"gbp","status":"succeeded"}""".formatted(piB, ch));
        byte[] succeededA = event("payment_intent.succeeded", """
                {"id":"%s","object":"payment_intent","latest_charge":"%s","amount":50000,"currency":"gbp","status":"succeeded"}""".formatted(piA, ch));
        assertEquals(200, post(processingA, signer.header(now(), processingA)).statusCode());
        awaitState(piA, PaymentState.PENDING);
        assertEquals(200, post(succeededB, signer.header(now(), succeededB)).statusCode());
        awaitState(piB, PaymentState.SUCCEEDED);
        assertEquals(200, post(succeededA, signer.header(now(), succeededA)).statusCode());

        String conflicting = new String(succeededA, StandardCharsets.UTF_8).replaceAll("(?s).*?\"id\":\"(evt_[^\"]+)\".*", "$1");
        Eventually.await("the third event recorded as a conflict", WAIT, () -> ProcessorPayments.CONFLICT.equals(payments.outcome(conflicting)));
        org.quittance.payments.control.NotificationRecords.Conflict conflict = payments.conflicts(100).stream().filter(c -> c.eventId().equals(conflicting)).findFirst().orElseThrow();
        assertTrue(conflict.reason().contains(ch) && conflict.reason().contains(piB), conflict.reason());
        assertEquals(PaymentState.PENDING, payments.byPaymentIntent(piA).orElseThrow().state(), "nothing applied from it");
        assertEquals(PaymentState.SUCCEEDED, payments.byPaymentIntent(piB).orElseThrow().state());
    }

    /** As a kill between the database's commit and the broker's leaves it: the notification kept, its message gone. */
    @Test
    void aKeptNotificationWhoseMessageWasLostIsQueuedAgainAndAppliedOnce() {
        String pi = "pi_" + unique();
        byte[] body = event("payment_intent.succeeded", """
                {"id":"%s","object":"payment_intent","amount":42000,"currency":"gbp","status":"succeeded"}""".formatted(pi));
        String eventId = new String(body, StandardCharsets.UTF_8).replaceAll("(?s).*?\"id\":\"(evt_[^\"]+)\".*", "$1");
        fixtures.execute("""
                INSERT INTO payment_notification (id, processor, event_id, event_type, payload, signed_at, received_at)
                VALUES (nextval('payment_notification_seq'), 'STRIPE', ?, 'payment_intent.succeeded', ?, now(), now() - interval '5 minutes')""",
                eventId, body);

        assertTrue(inbox.redrive(Duration.ofMinutes(2)) >= 1);
        ProcessorPayment payment = awaitState(pi, PaymentState.SUCCEEDED);
        assertEquals(1, payments.changes(payment.id()));
        assertEquals("APPLIED", payments.outcome(eventId));
        inbox.redrive(Duration.ofMinutes(2));
        assertEquals(1, payments.changes(payment.id()), "applied once");
    }

    @Test
    void aRefundArrivingBeforeItsSuccessEndsRefunded() throws Exception {
        String pi = "pi_" + unique();
        String ch = "ch_" + unique();
        byte[] refund = event("charge.refunded", """
                {"id":"%s","object":"charge","payment_intent":"%s","amount":50000,"amount_refunded":50000,"currency":"gbp"}""".formatted(ch, pi));
        byte[] success = event("payment_intent.succeeded", """
                {"id":"%s","object":"payment_intent","latest_charge":"%s","amount":50000,"currency":"gbp","status":"succeeded"}""".formatted(pi, ch));

        assertEquals(200, post(refund, signer.header(now(), refund)).statusCode());
        awaitState(pi, PaymentState.REFUNDED);
        assertEquals(200, post(success, signer.header(now(), success)).statusCode());
        Eventually.await("both applied", WAIT, () -> payments.changes(payments.byPaymentIntent(pi).orElseThrow().id()) == 2);

        ProcessorPayment payment = payments.byPaymentIntent(pi).orElseThrow();
        assertEquals(PaymentState.REFUNDED, payment.state());
        assertEquals(Money.of("500.00", "GBP"), payment.refunded());
        assertEquals(ch, payment.charge());
    }

    private static byte[] event(String type, String object) {
        return """
                {"id":"evt_%s","object":"event","api_version":"2026-07-29.dahlia","type":"%s","data":{"object":%s}}"""
                .formatted(unique(), type, object).getBytes(StandardCharsets.UTF_8);
    }

    private ProcessorPayment awaitState(String pi, PaymentState state) {
        Eventually.await("payment " + pi + " " + state, WAIT,
                () -> payments.byPaymentIntent(pi).map(p -> p.state() == state).orElse(false));
        return payments.byPaymentIntent(pi).orElseThrow();
    }

    private HttpResponse<String> post(byte[] body, String signature) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:"
                        + (8080 + Integer.getInteger("jboss.socket.binding.port-offset", 0)) + "/portal/webhooks/stripe"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("Stripe-Signature", signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sample(String name) throws IOException {
        try (InputStream in = PaymentNotificationsIT.class.getClassLoader().getResourceAsStream("stripe-webhooks/" + name + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    private static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }
}
