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
import org.quittance.clients.boundary.ClientDirectory;
import org.quittance.firm.boundary.FirmSettings;
import org.quittance.mail.boundary.Mailer;
import org.quittance.receipts.boundary.ManualReceipts;
import org.quittance.receipts.entity.PaymentMethod;
import org.quittance.reminders.boundary.PaymentReminders;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reminders on the firm's schedule (3 days before, on the due date, every 14 days while overdue, at
 * most twice): each stage once however often the run repeats, the amount still due in a partly paid
 * invoice's reminder, none once it is paid, none while it is disputed or its client is left out.
 */
@ExtendWith(ArquillianExtension.class)
class PaymentRemindersIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.quittanceWith(Deployments.testModule(PaymentRemindersIT.class, BillingFixtures.class, BillingFixtures.Scenario.class,
                Eventually.class, Mailbox.class).addAsLibraries(Deployments.libraryOnClassPath("greenmail-2")));
    }

    @EJB BillingFixtures fixtures;
    @EJB FirmSettings settings;
    @EJB PaymentReminders reminders;
    @EJB ClientDirectory clients;
    @EJB ManualReceipts manual;
    @EJB Mailer mailer;

    @PersistenceContext(unitName = "quittance")
    EntityManager em;

    private Mailbox mailbox;

    @BeforeEach
    void remindersOn() {
        fixtures.firmWithPortalInvoicing(true);
        settings.setReminders(true, 3, true, 14, 2);
        mailbox = Mailbox.open();
    }

    @AfterEach
    void remindersOff() {
        settings.setReminders(false, 3, true, 14, 3);
        mailbox.close();
    }

    @Test
    void eachStageIsSentOnceTheAmountFollowsPaymentsAndAPaidInvoiceGetsNoMore() throws Exception {
        BillingFixtures.Published c = fixtures.registeredClientWithPublishedInvoice();
        LocalDate due = dueDate(c.invoiceId());

        reminders.run(due.minusDays(4));
        assertEquals(List.of(), stages(c.invoiceId()), "nothing before the first stage");
        reminders.run(due.minusDays(3));
        reminders.run(due.minusDays(3));  // the run repeated (a restart): nothing twice
        reminders.run(due.minusDays(1));
        reminders.run(due);
        assertEquals(List.of("BEFORE", "DUE"), stages(c.invoiceId()));

        // Part paid: the overdue reminder says what remains.
        BigDecimal total = balance(c.invoiceId());
        BigDecimal part = new BigDecimal("100.00");
        manual.enter(new ManualReceipts.Entry(c.clientId(), PaymentMethod.CHEQUE, "CHQ" + UUID.randomUUID().toString().substring(0, 6),
                LocalDate.now(), part, "GBP", Map.of(c.invoiceId(), part), null, UUID.randomUUID().toString()));
        reminders.run(due.plusDays(15));
        assertEquals(List.of("BEFORE", "DUE", "OVERDUE-1"), stages(c.invoiceId()));

        mailbox.awaitRelayPassed(mailer);
        assertEquals(2, mailbox.count(Mailbox.to(c.email(), "Reminder: invoice")), "one before and one on the due date: " + mailbox.subjects());
        MimeMessage overdue = mailbox.await("the overdue reminder", Mailbox.to(c.email(), "Overdue: invoice"));
        String body = (String) overdue.getContent();
        assertTrue(body.contains("Amount due: GBP " + String.format("%,.2f", total.subtract(part)) + " (of GBP " + String.format("%,.2f", total)), body);
        assertTrue(body.contains("/portal/invoice.xhtml?id=" + c.invoiceId()), body);

        // Paid in full: the schedule stops.
        BigDecimal rest = balance(c.invoiceId());
        manual.enter(new ManualReceipts.Entry(c.clientId(), PaymentMethod.WIRE, "WIRE" + UUID.randomUUID().toString().substring(0, 6),
                LocalDate.now(), rest, "GBP", Map.of(c.invoiceId(), rest), null, UUID.randomUUID().toString()));
        reminders.run(due.plusDays(29));
        assertEquals(List.of("BEFORE", "DUE", "OVERDUE-1"), stages(c.invoiceId()), "none after payment");
    }

    @Test
    void aDisputedInvoiceAndAClientLeftOutGetNoneUntilThatEnds() {
        BillingFixtures.Published disputed = fixtures.registeredClientWithPublishedInvoice();
        BillingFixtures.Published leftOut = fixtures.registeredClientWithPublishedInvoice();
        LocalDate due = dueDate(disputed.invoiceId());
        reminders.dispute(disputed.invoiceId(), "The client says the call on 3 December was not made");
        clients.setReminders(leftOut.clientId(), false);

        reminders.run(due);
        assertEquals(List.of(), stages(disputed.invoiceId()));
        assertEquals(List.of(), stages(leftOut.invoiceId()));

        assertEquals(1L, ((Number) em.createNativeQuery("""
                        SELECT COUNT(*) FROM audit_event WHERE subject = 'Invoice' AND subject_id = ? AND action = 'disputed' AND detail LIKE ?""")
                .setParameter(1, String.valueOf(disputed.invoiceId())).setParameter(2, "%3 December%").getSingleResult()).longValue(),
                "the dispute is in the audit trail with its reason");

        reminders.settleDispute(disputed.invoiceId());
        clients.setReminders(leftOut.clientId(), true);
        reminders.run(due);
        assertEquals(List.of("DUE"), stages(disputed.invoiceId()));
        assertEquals(List.of("DUE"), stages(leftOut.invoiceId()));
    }

    private LocalDate dueDate(Long invoiceId) {
        return ((Date) em.createNativeQuery("SELECT due_date FROM invoice WHERE id = ?").setParameter(1, invoiceId).getSingleResult()).toLocalDate();
    }

    private BigDecimal balance(Long invoiceId) {
        return (BigDecimal) em.createNativeQuery("SELECT balance_due FROM invoice WHERE id = ?").setParameter(1, invoiceId).getSingleResult();
    }

    @SuppressWarnings("unchecked")
    private List<String> stages(Long invoiceId) {
        return em.createNativeQuery("SELECT stage FROM invoice_reminder WHERE invoice_id = ? ORDER BY id").setParameter(1, invoiceId).getResultList();
    }
}
