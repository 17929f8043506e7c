package org.quittance.it;

import jakarta.ejb.EJB;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quittance.security.control.ResetLinks;
import org.quittance.billing.boundary.Publishing;
import org.quittance.firm.boundary.FirmSettings;
import org.quittance.mail.boundary.Mailer;
import org.quittance.payments.boundary.PaymentJanitor;
import org.quittance.payments.boundary.PortalPayments;
import org.quittance.payments.entity.BillingAddress;
import org.quittance.payments.entity.PaymentState;
import org.quittance.platform.control.RuleViolation;
import org.quittance.portal.boundary.PortalInvoices;
import org.quittance.portal.boundary.PortalPasswords;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Pay Now in the server, through the real sandbox processor over HTTP and its signed webhooks: a
 * double submit makes one checkout; another client finds nothing; notifications delivered twice and
 * in reverse order make one payment in the right state; a payment whose notifications were all lost
 * is found by the janitor; forgotten-password links work once.
 */
@ExtendWith(ArquillianExtension.class)
class PortalCheckoutIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final BillingAddress ADDRESS = new BillingAddress("IT Payer", "1 Quay Street", null, "Bristol", "BS1 5TT", "GB");

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.quittanceWith(Deployments.testModule(PortalCheckoutIT.class, BillingFixtures.class, BillingFixtures.Scenario.class,
                Eventually.class, Mailbox.class).addAsLibraries(Deployments.libraryOnClassPath("greenmail-2")));
    }

    @EJB BillingFixtures fixtures;
    @EJB FirmSettings settings;
    @EJB Publishing publishing;
    @EJB PortalInvoices portalInvoices;
    @EJB PortalPayments payments;
    @EJB PaymentJanitor janitor;
    @EJB PortalPasswords passwords;
    @EJB Mailer mailer;

    private Mailbox mailbox;

    @BeforeEach
    void mailbox() {
        mailbox = Mailbox.open();
    }

    @AfterEach
    void closeMailbox() {
        mailbox.close();
    }

    @PersistenceContext(unitName = "quittance")
    EntityManager em;

    @BeforeEach
    void sandboxAccount() {
        fixtures.firmWithPortalInvoicing(true);
        fixtures.sandboxAccount();
    }

    @Test
    void aDoubleSubmitOpensOneCheckoutAtTheProcessor() throws Exception {
        BillingFixtures.Published c = fixtures.registeredClientWithPublishedInvoice();
        String key = UUID.randomUUID().toString();
        String first = payments.startCheckout(c.email(), key, Map.of(c.invoiceId(), new BigDecimal("600.00")), ADDRESS);
        String second = payments.startCheckout(c.email(), key, Map.of(c.invoiceId(), new BigDecimal("600.00")), ADDRESS);

        assertEquals(first, second);
        assertEquals(1L, count("SELECT COUNT(*) FROM portal_checkout WHERE idempotency_key = ?", key));
        assertEquals(1L, count("SELECT COUNT(*) FROM sandbox.objects WHERE type = 'checkout.session' AND id = ?", sessionOf(first)));
    }

    @Test
    void anotherClientFindsNeitherTheInvoiceToPayNorThePaymentNorItsReceipt() throws Exception {
        BillingFixtures.Published owner = fixtures.registeredClientWithPublishedInvoice();
        BillingFixtures.Published other = fixtures.registeredClientWithPublishedInvoice();
        String url = payments.startCheckout(owner.email(), UUID.randomUUID().toString(), Map.of(owner.invoiceId(), new BigDecimal("600.00")), ADDRESS);
        assertNotNull(SandboxClient.pay(sessionOf(url), "4242 4242 4242 4242", "12/34", "123", "Owner"));
        SandboxClient.deliverWebhooks();
        String reference = fixtures.checkoutReference(owner.invoiceId());
        Eventually.await("the owner's payment recorded", WAIT, () -> payments.payment(owner.email(), reference).map(PortalPayments.Payment::succeeded).orElse(false));

        assertTrue(payments.payable(other.email(), Set.of(owner.invoiceId())).isEmpty());
        assertTrue(payments.payment(other.email(), reference).isEmpty());
        assertTrue(payments.receipt(other.email(), reference).isEmpty());
        assertThrows(RuleViolation.class, () -> payments.startCheckout(other.email(), UUID.randomUUID().toString(),
                Map.of(owner.invoiceId(), new BigDecimal("10.00")), ADDRESS));
        byte[] receipt = payments.receipt(owner.email(), reference).orElseThrow();
        assertEquals("%PDF", new String(receipt, 0, 4, StandardCharsets.US_ASCII));
    }

    @Test
    void twoUsersOfOneClientOnTwoMattersSeeOnlyTheirOwnMattersPayments() throws Exception {
        BillingFixtures.Published first = fixtures.registeredClientWithPublishedInvoice();
        BillingFixtures.Published second = fixtures.colleagueOnAnotherMatter(first);
        String firstReference = paid(first, "600.00");
        String secondReference = paid(second, "600.00");

        assertEquals(List.of(firstReference), payments.history(first.email()).stream().map(PortalPayments.Payment::reference).toList());
        assertEquals(List.of(secondReference), payments.history(second.email()).stream().map(PortalPayments.Payment::reference).toList());
        assertTrue(payments.payment(second.email(), firstReference).isEmpty(), "another matter's payment");
        assertTrue(payments.receipt(second.email(), firstReference).isEmpty(), "another matter's receipt");
        assertTrue(payments.ofInvoice(second.email(), first.invoiceId()).isEmpty());
        assertTrue(payments.receipt(first.email(), firstReference).isPresent());
    }

    /** The portal balance and the receipt follow the money the firm holds: a refund reopens what it gave back. */
    @Test
    void aPartlyRefundedPaymentLeavesTheRefundOpenAndItsReceiptSaysSo() throws Exception {
        BillingFixtures.Published c = fixtures.registeredClientWithPublishedInvoice();
        String reference = paid(c, "600.00");
        assertEquals(new BigDecimal("0.00"), fixtures.portalRow(c).balance().amount());
        String paymentIntent = payments.payment(c.email(), reference).orElseThrow().processorReference();

        assertEquals(200, SandboxClient.refundOnTheDashboard(paymentIntent, 20_000));
        SandboxClient.deliverWebhooks();
        Eventually.await("the refund recorded", WAIT,
                () -> payments.payment(c.email(), reference).map(PortalPayments.Payment::takenBack).orElse(false));

        PortalPayments.Payment payment = payments.payment(c.email(), reference).orElseThrow();
        assertEquals("Partly refunded", payment.status());
        assertEquals(new BigDecimal("400.00"), payment.held().amount());
        assertEquals(new BigDecimal("200.00"), fixtures.portalRow(c).balance().amount(), "what was given back is due again");
        assertTrue(payments.receipt(c.email(), reference).isPresent());
        MimeMessage refund = mailbox.await("the payer told of the refund", Mailbox.to(c.email(), "Part of your payment refunded: GBP 200.00"));
        assertTrue(((String) refund.getContent()).contains("payment of GBP 600.00 (reference " + reference + ")"), (String) refund.getContent());
    }

    private String paid(BillingFixtures.Published p, String amount) throws Exception {
        String url = payments.startCheckout(p.email(), UUID.randomUUID().toString(), Map.of(p.invoiceId(), new BigDecimal(amount)), ADDRESS);
        assertNotNull(SandboxClient.pay(sessionOf(url), "4242 4242 4242 4242", "12/34", "123", "Payer"));
        SandboxClient.deliverWebhooks();
        String reference = fixtures.checkoutReference(p.invoiceId());
        Eventually.await("payment recorded", WAIT, () -> payments.payment(p.email(), reference).map(PortalPayments.Payment::succeeded).orElse(false));
        return reference;
    }

    @Test
    void notificationsDeliveredTwiceAndOutOfOrderMakeOnePaymentInTheRightState() throws Exception {
        BillingFixtures.Published c = fixtures.registeredClientWithPublishedInvoice();
        String url = payments.startCheckout(c.email(), UUID.randomUUID().toString(), Map.of(c.invoiceId(), new BigDecimal("250.00")), ADDRESS);
        SandboxClient.deliverTwiceAndOutOfOrder();
        try {
            // A refused card first, then a good one on the same checkout: success must win whatever the order.
            assertNull(SandboxClient.pay(sessionOf(url), "4000 0000 0000 9995", "12/34", "123", "IT"));
            assertNotNull(SandboxClient.pay(sessionOf(url), "4242 4242 4242 4242", "12/34", "123", "IT"));
            SandboxClient.deliverWebhooks();
        } finally {
            SandboxClient.noFaults();
        }
        String reference = fixtures.checkoutReference(c.invoiceId());
        Eventually.await("the payment recorded", WAIT, () -> payments.payment(c.email(), reference).map(PortalPayments.Payment::succeeded).orElse(false));
        Eventually.await("all five notifications applied", WAIT, () -> count("""
                SELECT COUNT(*) FROM processor_payment_change ch JOIN processor_payment p ON p.id = ch.payment_id
                JOIN portal_checkout c ON c.id = p.checkout_id WHERE c.reference = ?""", reference) == 5);

        assertEquals(1L, count("SELECT COUNT(*) FROM processor_payment p JOIN portal_checkout c ON c.id = p.checkout_id WHERE c.reference = ?", reference),
                "one processor payment");
        assertEquals(PaymentState.SUCCEEDED.name(), em.createNativeQuery(
                "SELECT p.state FROM processor_payment p JOIN portal_checkout c ON c.id = p.checkout_id WHERE c.reference = ?")
                .setParameter(1, reference).getSingleResult());
        assertEquals("Visa ending 4242", payments.payment(c.email(), reference).orElseThrow().card());
        PortalInvoices.Row row = portalInvoices.row(c.email(), c.invoiceId()).orElseThrow();
        assertEquals(new BigDecimal("350.00"), row.balance().amount(), "600.00 less the 250.00 the processor confirmed, counted once");

        // The client who paid is thanked once, however often and in whatever order the processor told us.
        mailbox.awaitRelayPassed(mailer);
        assertEquals(1, mailbox.count(Mailbox.to(c.email(), "Payment received: GBP 250.00")), mailbox.subjects().toString());
        String thanks = (String) mailbox.await("the payer thanked", Mailbox.to(c.email(), "Payment received")).getContent();
        String number = (String) em.createNativeQuery("SELECT number FROM invoice WHERE id = ?").setParameter(1, c.invoiceId()).getSingleResult();
        assertTrue(thanks.contains(number + "  GBP 250.00"), thanks);
        assertTrue(thanks.contains("/portal/receipt?checkout=" + reference) && !thanks.contains("portal//"), thanks);
        assertFalse(thanks.contains("4242") || thanks.contains("9995"), "nothing of a card in the e-mail: " + thanks);
    }

    @Test
    void aBankDebitIsProcessingUntilItSettlesAndOneThatFailsThenLeavesTheInvoiceOpenAndTellsThePayer() throws Exception {
        settings.setBankDebits(Set.of("GBP"));
        try {
            BillingFixtures.Published c = fixtures.registeredClientWithPublishedInvoice();
            String url = payments.startCheckout(c.email(), UUID.randomUUID().toString(), Map.of(c.invoiceId(), new BigDecimal("600.00")), ADDRESS);
            assertNotNull(SandboxClient.debit(sessionOf(url), "90012345"), "the sandbox's account that fails when the debit settles");
            SandboxClient.deliverWebhooks();
            String reference = fixtures.checkoutReference(c.invoiceId());
            Eventually.await("the debit known as processing", WAIT,
                    () -> payments.payment(c.email(), reference).map(PortalPayments.Payment::bankDebit).orElse(false));
            PortalPayments.Payment processing = payments.payment(c.email(), reference).orElseThrow();
            assertFalse(processing.settled() || processing.succeeded());
            assertEquals("Processing — bank debits take a few working days", processing.status());
            assertEquals("Bacs Direct Debit ending 2345", processing.card());
            assertEquals(new BigDecimal("600.00"), portalInvoices.row(c.email(), c.invoiceId()).orElseThrow().balance().amount(),
                    "the balance moves only when a debit succeeds");

            assertTrue(SandboxClient.advanceClock(3) >= 1);
            Eventually.await("the debit failed", WAIT, () -> payments.payment(c.email(), reference).map(PortalPayments.Payment::failed).orElse(false));
            assertEquals(new BigDecimal("600.00"), portalInvoices.row(c.email(), c.invoiceId()).orElseThrow().balance().amount());
            assertEquals(0L, count("SELECT COUNT(*) FROM receipt WHERE payment_reference = (SELECT p.payment_intent FROM processor_payment p"
                    + " JOIN portal_checkout k ON k.id = p.checkout_id WHERE k.reference = ?)", reference), "no receipt for a debit that failed");
            String notice = (String) mailbox.await("the payer told", Mailbox.to(c.email(), "Bank debit not taken: GBP 600.00")).getContent();
            String number = (String) em.createNativeQuery("SELECT number FROM invoice WHERE id = ?").setParameter(1, c.invoiceId()).getSingleResult();
            assertTrue(notice.contains(number) && notice.contains("insufficient funds") && notice.contains("/portal/"), notice);
        } finally {
            settings.setBankDebits(Set.of());
        }
    }

    @Test
    void thePendingPaymentJanitorFindsAPaymentWhoseNotificationsWereLost() throws Exception {
        BillingFixtures.Published c = fixtures.registeredClientWithPublishedInvoice();
        String url = payments.startCheckout(c.email(), UUID.randomUUID().toString(), Map.of(c.invoiceId(), new BigDecimal("600.00")), ADDRESS);
        String reference = fixtures.checkoutReference(c.invoiceId());
        // Every notification of this payment (they all carry our reference in metadata) is lost on the way.
        SandboxClient.loseNotifications();
        try {
            assertNotNull(SandboxClient.pay(sessionOf(url), "4242 4242 4242 4242", "12/34", "123", "IT"));
            SandboxClient.deliverWebhooks();  // what the page set off is lost before the fault ends
        } finally {
            SandboxClient.noFaults();
        }
        assertEquals(3L, count("SELECT COUNT(*) FROM sandbox.events WHERE last_error LIKE 'lost%' AND body LIKE ?", "%" + reference + "%"));
        assertFalse(payments.payment(c.email(), reference).orElseThrow().succeeded(), "nothing arrived");

        assertTrue(janitor.sweep(Duration.ZERO) >= 1, "the janitor asked the processor and filed what it learnt");
        Eventually.await("the payment recorded from the janitor's answer", WAIT,
                () -> payments.payment(c.email(), reference).map(PortalPayments.Payment::succeeded).orElse(false));
        assertEquals(0, janitor.sweep(Duration.ZERO), "asking again files nothing new");
    }

    @Test
    void aForgottenPasswordLinkWorksOnceAndOnlyForItsUser() throws Exception {
        BillingFixtures.Published c = fixtures.registeredClientWithPublishedInvoice();
        passwords.requestReset(c.email().toUpperCase(), "192.0.2." + (int) (Math.random() * 250));
        passwords.requestReset("nobody-" + UUID.randomUUID() + "@example.com", "192.0.2." + (int) (Math.random() * 250));
        String body = (String) em.createNativeQuery("SELECT body FROM mail_outbox WHERE recipient = ? AND message_key LIKE 'portal-password-reset:%'")
                .setParameter(1, c.email()).getSingleResult();
        Matcher token = Pattern.compile("token=([^\\s]+)").matcher(body);
        assertTrue(token.find(), body);
        String t = URLDecoder.decode(token.group(1), StandardCharsets.UTF_8);

        assertEquals(ResetLinks.Status.VALID, passwords.status(t));
        RuleViolation weak = assertThrows(RuleViolation.class, () -> passwords.reset(t, "short"));
        assertTrue(weak.getMessage().contains("12"), weak.getMessage());
        assertEquals(c.email(), passwords.reset(t, "granite lanterns drift south"));
        assertEquals(ResetLinks.Status.USED, passwords.status(t));
        assertThrows(RuleViolation.class, () -> passwords.reset(t, "another long passphrase here"));
        assertEquals(ResetLinks.Status.UNKNOWN, passwords.status(t + "x"));

        assertThrows(RuleViolation.class, () -> passwords.change(c.email(), "not the password", "quiet harbour morning tide"));
        passwords.change(c.email(), "granite lanterns drift south", "quiet harbour morning tide");
    }

    // --- fixtures -----------------------------------------------------------------------------------



    private static String sessionOf(String checkoutUrl) {
        return checkoutUrl.substring(checkoutUrl.lastIndexOf('/') + 1);
    }


    private long count(String sql, Object parameter) {
        return ((Number) em.createNativeQuery(sql).setParameter(1, parameter).getSingleResult()).longValue();
    }
}
