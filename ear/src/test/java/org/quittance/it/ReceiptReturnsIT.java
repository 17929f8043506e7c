package org.quittance.it;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quittance.billing.boundary.Billing;
import org.quittance.billing.entity.InvoiceState;
import org.quittance.firm.boundary.FirmSettings;
import org.quittance.firm.entity.PaymentApplication;
import org.quittance.ledger.boundary.Ledgers;
import org.quittance.ledger.entity.EntryKind;
import org.quittance.money.Money;
import org.quittance.payments.boundary.PortalPayments;
import org.quittance.payments.entity.BillingAddress;
import org.quittance.platform.control.RuleViolation;
import org.quittance.portal.boundary.PortalInvoices;
import org.quittance.receipts.boundary.IntegratedReceipts;
import org.quittance.receipts.boundary.ManualReceipts;
import org.quittance.receipts.boundary.ReceiptRefunds;
import org.quittance.receipts.entity.PaymentMethod;
import org.quittance.receipts.entity.Receipt;
import org.quittance.receipts.entity.ReceiptState;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Money that comes back outside the card flow, and money that goes back: a cheque entered by hand
 * (twice at once: once), a refund issued from the staff app through the sandbox processor (its own
 * notification then changes nothing), and a chargeback from the processor's dispute events that
 * reverses the receipt and reopens the invoice until the dispute is won.
 */
@ExtendWith(ArquillianExtension.class)
class ReceiptReturnsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final BillingAddress ADDRESS = new BillingAddress("IT Payer", "1 Quay Street", null, "Bristol", "BS1 5TT", "GB");

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.quittanceWith(ReceiptReturnsIT.class);
    }

    @EJB BillingFixtures fixtures;
    @EJB FirmSettings settings;
    @EJB Billing billing;
    @EJB PortalPayments payments;
    @EJB ManualReceipts manual;
    @EJB ReceiptRefunds refunds;
    @EJB IntegratedReceipts receipts;
    @EJB Ledgers ledgers;

    @PersistenceContext(unitName = "quittance")
    EntityManager em;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @BeforeEach
    void sandboxAccount() {
        fixtures.firmWithPortalInvoicing(true);
        fixtures.sandboxAccount();
    }

    @AfterEach
    void reviewPolicy() {
        fixtures.firmWithPortalInvoicing(true);
    }

    @Test
    void aChequeEnteredByHandMarksTheInvoicePaidOutsideThePortalAndADoubleClickEntersItOnce() throws Exception {
        BillingFixtures.Published c = fixtures.registeredClientWithPublishedInvoice();
        ManualReceipts.Entry cheque = new ManualReceipts.Entry(c.clientId(), PaymentMethod.CHEQUE, "001234", LocalDate.now(),
                new BigDecimal("600.00"), "GBP", Map.of(), "Posted to the London office", UUID.randomUUID().toString());

        Future<Long> first = executor.submit(() -> manual.enter(cheque));
        Future<Long> second = executor.submit(() -> manual.enter(cheque));
        assertEquals(first.get(), second.get(), "the same form saved twice at once is one receipt");
        assertEquals(1L, count("SELECT COUNT(*) FROM receipt WHERE entry_key = ?", cheque.entryKey()));

        Receipt receipt = receipts.receipt(first.get());
        assertEquals(ReceiptState.ACCEPTED, receipt.state(), "staff entered it: it is on the books at once");
        assertEquals(InvoiceState.PAID, billing.invoice(c.invoiceId()).state());
        Ledgers.Line paid = ledgers.ofClient(c.clientId()).get(1);
        assertEquals(EntryKind.RECEIPT, paid.kind());
        assertEquals("Cheque 001234 — paid outside the portal", paid.description());
        PortalInvoices.Row row = fixtures.portalRow(c);
        assertTrue(row.paid() && row.paidOutsidePortal(), "the portal says it was marked paid outside the portal");

        // The same cheque on a fresh form is refused, as is a date in the future.
        RuleViolation again = assertThrows(RuleViolation.class, () -> manual.enter(new ManualReceipts.Entry(c.clientId(), PaymentMethod.CHEQUE,
                "001234", LocalDate.now(), new BigDecimal("600.00"), "GBP", Map.of(), null, UUID.randomUUID().toString())));
        assertTrue(again.getMessage().contains("already on the books"), again.getMessage());
        EJBException future = assertThrows(EJBException.class, () -> manual.enter(new ManualReceipts.Entry(c.clientId(), PaymentMethod.WIRE,
                "W-1", LocalDate.now().plusDays(3), new BigDecimal("1.00"), "GBP", Map.of(), null, UUID.randomUUID().toString())));
        assertTrue(future.getMessage().contains("cannot be in the future"), future.getMessage());
    }

    @Test
    void aWirePartlyOnAnInvoiceLeavesItsBalanceAndTheRestAsCredit() throws Exception {
        BillingFixtures.Published c = fixtures.registeredClientWithPublishedInvoice();
        manual.enter(new ManualReceipts.Entry(c.clientId(), PaymentMethod.WIRE, "BARC-7781", LocalDate.now().minusDays(1),
                new BigDecimal("300.00"), "GBP", Map.of(c.invoiceId(), new BigDecimal("200.00")), null, UUID.randomUUID().toString()));

        assertEquals(InvoiceState.PARTLY_PAID, billing.invoice(c.invoiceId()).state());
        assertEquals(gbp("400.00"), billing.invoice(c.invoiceId()).balanceDue());
        assertEquals(gbp("100.00"), ledgers.unappliedCredit(c.clientId()).get("GBP"));
        assertEquals(gbp("300.00"), ledgers.balance(c.clientId()).get("GBP"), "open 400.00 less 100.00 credit");
        assertFalse(fixtures.portalRow(c).paid(), "not paid yet: the portal shows the balance");
        assertEquals(gbp("400.00"), fixtures.portalRow(c).balance());
    }

    @Test
    void aRefundFromTheStaffAppReopensTheInvoiceOnceAndTheProcessorsOwnNotificationChangesNothing() throws Exception {
        BillingFixtures.Published c = fixtures.registeredClientWithPublishedInvoice();
        Receipt receipt = paidInThePortalWithAutoApply(c, "4242 4242 4242 4242");
        Eventually.await("the receipt applied", WAIT, () -> receipts.receipt(receipt.id()).state() == ReceiptState.ACCEPTED);
        assertEquals(InvoiceState.PAID, billing.invoice(c.invoiceId()).state());

        String form = UUID.randomUUID().toString();
        Future<String> click = executor.submit(() -> refunds.refund(receipt.id(), new BigDecimal("150.00"), "Agreed discount", form));
        Future<String> doubleClick = executor.submit(() -> refunds.refund(receipt.id(), new BigDecimal("150.00"), "Agreed discount", form));
        assertEquals(click.get(), doubleClick.get(), "one refund at the processor");
        assertEquals(1L, count("SELECT COUNT(*) FROM sandbox.objects WHERE type = 'refund' AND body LIKE ?", "%" + receipt.chargeReference() + "%"));

        assertEquals(InvoiceState.PARTLY_PAID, billing.invoice(c.invoiceId()).state());
        assertEquals(gbp("150.00"), billing.invoice(c.invoiceId()).balanceDue());
        assertEquals(Map.of(c.invoiceId(), gbp("450.00")), receipts.receipt(receipt.id()).allocations());

        SandboxClient.deliverWebhooks();
        Eventually.await("the processor's refund notification applied", WAIT, () -> "PARTLY_REFUNDED".equals(
                em.createNativeQuery("SELECT state FROM processor_payment WHERE payment_intent = ?").setParameter(1, receipt.paymentReference())
                        .getSingleResult()));
        assertEquals(gbp("150.00"), billing.invoice(c.invoiceId()).balanceDue(), "refunded once, not twice");
        assertEquals(1L, count("SELECT COUNT(*) FROM ledger_entry WHERE receipt_id = ? AND kind = 'REFUND'", receipt.id()));
        assertEquals(gbp("150.00"), fixtures.portalRow(c).balance());

        RuleViolation tooMuch = assertThrows(RuleViolation.class, () -> refunds.refund(receipt.id(), new BigDecimal("450.01"), "too much",
                UUID.randomUUID().toString()));
        assertTrue(tooMuch.getMessage().contains("At most GBP 450.00"), tooMuch.getMessage());
    }

    @Test
    void aChargebackReversesTheReceiptAndReopensTheInvoiceAndAWonDisputeAppliesItAgain() throws Exception {
        BillingFixtures.Published c = fixtures.registeredClientWithPublishedInvoice();
        // The sandbox's dispute card: the payment succeeds and the client's bank disputes it at once.
        Receipt receipt = paidInThePortalWithAutoApply(c, "4000 0000 0000 0259");
        Eventually.await("the chargeback applied", WAIT, () -> receipts.receipt(receipt.id()).state() == ReceiptState.REVERSED
                && receipts.receipt(receipt.id()).disputed());

        assertEquals(InvoiceState.PUBLISHED, billing.invoice(c.invoiceId()).state(), "open again");
        assertEquals(gbp("600.00"), billing.invoice(c.invoiceId()).balanceDue());
        assertEquals(List.of(EntryKind.INVOICE, EntryKind.RECEIPT, EntryKind.RECEIPT_REVERSAL),
                ledgers.ofClient(c.clientId()).stream().map(Ledgers.Line::kind).toList());
        assertEquals(gbp("600.00"), fixtures.portalRow(c).balance(), "the portal asks for the money again");
        Eventually.await("the portal administrator told", WAIT, () -> count(
                "SELECT COUNT(*) FROM mail_outbox WHERE message_key LIKE 'payment-notice:%:DISPUTED' AND subject LIKE ?",
                "%" + receipt.paymentReference() + "%") == 1);
        RuleViolation refused = assertThrows(RuleViolation.class, () -> refunds.refund(receipt.id(), new BigDecimal("1.00"), "no",
                UUID.randomUUID().toString()));
        assertTrue(refused.getMessage().contains("chargeback"), refused.getMessage());

        SandboxClient.closeDispute(receipt.paymentReference(), true);
        SandboxClient.deliverWebhooks();
        Eventually.await("the won dispute applied", WAIT, () -> receipts.receipt(receipt.id()).state() == ReceiptState.ACCEPTED);
        assertEquals(InvoiceState.PAID, billing.invoice(c.invoiceId()).state());
        assertEquals(List.of(EntryKind.INVOICE, EntryKind.RECEIPT, EntryKind.RECEIPT_REVERSAL, EntryKind.RECEIPT),
                ledgers.ofClient(c.clientId()).stream().map(Ledgers.Line::kind).toList());
        assertEquals(gbp("0.00"), ledgers.balance(c.clientId()).get("GBP"));
        assertTrue(fixtures.portalRow(c).paid());
    }

    // --- the world ---------------------------------------------------------------------------

    /** The client pays the whole invoice in the portal with this card while the firm applies certain receipts itself. */
    private Receipt paidInThePortalWithAutoApply(BillingFixtures.Published c, String card) {
        settings.setPortalPolicy(true, "portal-admin@test.example", true, new BigDecimal("10.00"), PaymentApplication.AUTO_APPLY);
        String url = payments.startCheckout(c.email(), UUID.randomUUID().toString(), Map.of(c.invoiceId(), new BigDecimal("600.00")), ADDRESS);
        assertNotNull(SandboxClient.pay(url.substring(url.lastIndexOf('/') + 1), card, "12/34", "123", "IT Payer"));
        SandboxClient.deliverWebhooks();
        Eventually.await("the receipt recorded", WAIT, () -> receiptOf(c.invoiceId()) != null);
        return receiptOf(c.invoiceId());
    }

    private Receipt receiptOf(Long invoiceId) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("""
                        SELECT r.id FROM receipt r JOIN processor_payment p ON r.payment_reference = p.payment_intent
                        JOIN portal_checkout_allocation a ON a.checkout_id = p.checkout_id WHERE a.invoice_id = ?""")
                .setParameter(1, invoiceId).getResultList();
        return ids.isEmpty() ? null : receipts.receipt(ids.get(0).longValue());
    }


    private long count(String sql, Object parameter) {
        return ((Number) em.createNativeQuery(sql).setParameter(1, parameter).getSingleResult()).longValue();
    }

    private static Money gbp(String amount) {
        return Money.of(amount, "GBP");
    }
}
