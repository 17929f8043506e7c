package org.quittance.it;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.mail.internet.MimeMessage;
import jakarta.transaction.UserTransaction;
import jakarta.validation.ConstraintViolationException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quittance.billing.boundary.Billing;
import org.quittance.billing.boundary.PublishedVersions;
import org.quittance.billing.boundary.Publishing;
import org.quittance.billing.control.InvoicePublisher;
import org.quittance.billing.entity.Invoice;
import org.quittance.billing.entity.InvoiceState;
import org.quittance.billing.entity.PublishedInvoice;
import org.quittance.messaging.boundary.OutboundMessages;
import org.quittance.messaging.control.Queue;
import org.quittance.platform.control.RuleViolation;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Publishing an invoice, end to end in the server: Review's run → invoice marked published, its
 * consumer woken once that commits (or queued again by the sweeper) → consumer → published version (snapshot + PDF) → one e-mail per
 * recipient, delivered to a real SMTP server.
 */
@ExtendWith(ArquillianExtension.class)
class PublishingIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.quittanceWith(Deployments.testModule(PublishingIT.class, BillingFixtures.class, BillingFixtures.Scenario.class, Mailbox.class)
                .addAsLibraries(Deployments.libraryOnClassPath("greenmail-2")));
    }

    @EJB BillingFixtures fixtures;
    @EJB Publishing publishing;
    @EJB PublishedVersions versions;
    @EJB Billing billing;
    @EJB InvoicePublisher publisher;
    @EJB org.quittance.billing.control.PublishRuns runs;
    @EJB org.quittance.billing.boundary.UnfinishedPublishRuns unfinished;
    @EJB OutboundMessages outbound;
    @EJB org.quittance.messaging.boundary.InboundMessages inbound;
    @EJB org.quittance.portal.boundary.PortalInvoices portalInvoices;
    @EJB org.quittance.mail.boundary.Mailer mailer;
    @EJB org.quittance.billing.boundary.PublicationRedrive redrive;
    @Resource UserTransaction tx;
    @Resource(lookup = "java:jboss/datasources/QuittanceDS") javax.sql.DataSource dataSource;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    jakarta.enterprise.concurrent.ManagedExecutorService executor;

    private Mailbox mailbox;

    @BeforeEach
    void start() {
        mailbox = Mailbox.open();
        fixtures.firmWithPortalInvoicing(true);
    }

    @AfterEach
    void stop() {
        mailbox.close();
    }

    @Test
    void aPublishedInvoiceBecomesAnImmutableVersionWithItsPdfAndOneEmailWithALink() throws Exception {
        var client = fixtures.client(true);
        Invoice invoice = fixtures.finalInvoice(client);

        Publishing.Progress progress = publishAndWait(Set.of(invoice.id()));
        assertEquals(1, progress.published());
        assertEquals(InvoiceState.PUBLISHED, billing.invoice(invoice.id()).state());

        PublishedInvoice version = awaitVersion(invoice.id());
        assertEquals(1, version.documentNo());
        assertEquals(invoice.number(), version.number());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(version.pdf())), version.pdfSha256());
        assertTrue(version.snapshot().contains("\"total\":600.00") || version.snapshot().contains("\"total\":600"), version.snapshot());

        MimeMessage mail = awaitMail(client.email(), "Invoice " + invoice.number());
        String body = (String) mail.getContent();
        assertTrue(body.contains("/portal/invoice.xhtml?id=" + invoice.id()), body);
        assertTrue(body.contains("GBP 600.00"), body);
        assertEquals(1, mailsTo(client.email(), "Invoice "), "one notice, no more");
        assertEquals(1, mailsTo(client.email(), "Your client portal"), "and the portal invitation sent before");
    }

    @Test
    void aRedeliveredMessageMakesNoSecondVersionAndSendsNoSecondEmail() throws Exception {
        var client = fixtures.client(true);
        Invoice invoice = fixtures.finalInvoice(client);
        publishAndWait(Set.of(invoice.id()));
        PublishedInvoice first = awaitVersion(invoice.id());
        awaitMail(client.email(), "Invoice " + invoice.number());

        // The same message again (same key), and the same work under another key: both must be no-ops.
        tx.begin();
        outbound.send(Queue.PUBLISHED_INVOICES, InvoicePublisher.MESSAGE_TYPE, InvoicePublisher.MESSAGE_TYPE + ":" + invoice.id(), String.valueOf(invoice.id()));
        outbound.send(Queue.PUBLISHED_INVOICES, InvoicePublisher.MESSAGE_TYPE, "replayed-by-test:" + invoice.id(), String.valueOf(invoice.id()));
        tx.commit();
        versions.make(invoice.id());

        Eventually.await("the replayed message consumed", WAIT, () -> inbound.wasProcessed(Queue.PUBLISHED_INVOICES, "replayed-by-test:" + invoice.id()));
        mailbox.awaitRelayPassed(mailer);
        assertEquals(first.id(), versions.forInvoice(invoice.id()).orElseThrow().id());
        assertEquals(1, mailsTo(client.email(), "Invoice "));
    }

    @Test
    void whenTheTransactionRollsBackNothingIsPublishedAndNoMessageLeaves() throws Exception {
        var client = fixtures.client(true);
        Invoice rolledBack = fixtures.finalInvoice(client);
        Invoice marker = fixtures.finalInvoice(client);

        tx.begin();
        assertTrue(publisher.publishInCallersTransaction(0, rolledBack.id(), "it"));
        tx.rollback();

        publishAndWait(Set.of(marker.id()));
        awaitVersion(marker.id());
        // The marker's message, sent after the rollback, has been consumed; the rolled-back one was never sent.
        assertFalse(inbound.wasProcessed(Queue.PUBLISHED_INVOICES, InvoicePublisher.MESSAGE_TYPE + ":" + rolledBack.id()));
        assertEquals(InvoiceState.FINAL, billing.invoice(rolledBack.id()).state());
        assertTrue(versions.forInvoice(rolledBack.id()).isEmpty(), "no message was sent for the rolled-back publication");
    }

    @Test
    void aPublicationWhoseWakeUpWasLostIsQueuedAgainBySweeperAndPublishedOnce() throws Exception {
        var client = fixtures.client(true);
        Invoice lost = fixtures.finalInvoice(client);
        // Published three minutes ago, and the wake-up (not kept on disk) lost in a crash: no message ever left.
        try (var db = dataSource.getConnection();
             var update = db.prepareStatement("""
                     UPDATE invoice SET state = 'PUBLISHED', published_at = now() - interval '3 minutes', published_by = 'it'
                     WHERE id = ?""")) {
            update.setLong(1, lost.id());
            assertEquals(1, update.executeUpdate());
        }
        assertTrue(redrive.redrive(Duration.ofMinutes(2)).contains(lost.id()));
        awaitVersion(lost.id());
        awaitMail(client.email(), "Invoice ");
        assertFalse(redrive.redrive(Duration.ofMinutes(2)).contains(lost.id()), "taken up: not queued again");
        mailbox.awaitRelayPassed(mailer);
        assertEquals(1, mailsTo(client.email(), "Invoice "), "one e-mail, whatever was queued");
    }

    @Test
    void invoicesThatCannotBePublishedAreListedWithTheReason() {
        var offClient = fixtures.client(false);
        Invoice off = fixtures.finalInvoice(offClient);
        var onClient = fixtures.client(true);
        Invoice on = fixtures.finalInvoice(onClient);

        Publishing.Progress progress = publishAndWait(Set.of(off.id(), on.id()));

        assertEquals(1, progress.published());
        assertEquals(1, progress.skipped());
        Publishing.Skipped skipped = progress.notPublished().get(0);
        assertEquals(off.number(), skipped.number());
        assertTrue(skipped.reason().contains("Portal invoices are off"), skipped.reason());
        assertEquals(InvoiceState.FINAL, billing.invoice(off.id()).state());
    }

    @Test
    void withPortalInvoicingOffForTheFirmNothingCanBePublished() {
        Invoice invoice = fixtures.finalInvoice(fixtures.client(true));
        fixtures.firmWithPortalInvoicing(false);
        try {
            RuleViolation refused = assertThrows(RuleViolation.class, () -> publishing.start(Set.of(invoice.id())));
            assertTrue(refused.getMessage().contains("Publishing to the portal is off"), refused.getMessage());
        } finally {
            fixtures.firmWithPortalInvoicing(true);
        }
    }

    @Test
    void twoStaffPublishingTheSameInvoiceAtOncePublishItOnce() throws Exception {
        var client = fixtures.client(true);
        Invoice invoice = fixtures.finalInvoice(client);

        // The container's executor carries this test's staff identity to both threads, as two staff sessions would.
        var a = executor.submit(() -> publishing.start(Set.of(invoice.id())));
        var b = executor.submit(() -> publishing.start(Set.of(invoice.id())));
        Publishing.Progress pa = awaitFinished(a.get());
        Publishing.Progress pb = awaitFinished(b.get());

        assertEquals(1, pa.published() + pb.published(), "exactly one run published it");
        assertEquals(1, pa.skipped() + pb.skipped());
        awaitVersion(invoice.id());
        awaitMail(client.email(), "Invoice " + invoice.number());
        mailbox.awaitRelayPassed(mailer);
        assertEquals(1, mailsTo(client.email(), "Invoice "));
    }

    /** A stop in the middle of "Publish selected": at the next start the rest is published, each invoice once. */
    @Test
    void aRunThatAServerStopInterruptedIsFinishedAtStartEachInvoiceOnce() throws Exception {
        var client = fixtures.client(true);
        List<Invoice> invoices = List.of(fixtures.finalInvoice(client), fixtures.finalInvoice(client), fixtures.finalInvoice(client));
        // As a stop leaves it: the run recorded, its first invoice published, the worker gone with the server.
        long runId = runs.create(invoices.stream().map(Invoice::id).toList(), "it");
        publisher.publish(runId, invoices.get(0).id(), "it");
        assertFalse(publishing.progress(runId).finished());

        assertTrue(unfinished.resume().contains(runId));

        assertEquals(3, awaitFinished(runId).published());
        for (Invoice invoice : invoices) {
            assertEquals(1, awaitVersion(invoice.id()).documentNo());
            awaitMail(client.email(), "Invoice " + invoice.number());
        }
        mailbox.awaitRelayPassed(mailer);
        for (Invoice invoice : invoices) {
            assertEquals(1, mailsTo(client.email(), "Invoice " + invoice.number()), "one e-mail per invoice and recipient");
        }
        assertFalse(unfinished.resume().contains(runId), "nothing left of it");
    }

    /** Two nodes: a run whose node stopped renewing it is finished by this one, each invoice once; a live node's run is its own. */
    @Test
    void aRunOfADeadNodeIsFinishedByAnotherAndOneOfALiveNodeIsLeftAlone() throws Exception {
        var client = fixtures.client(true);
        List<Invoice> invoices = List.of(fixtures.finalInvoice(client), fixtures.finalInvoice(client));
        long dead = runs.create(invoices.stream().map(Invoice::id).toList(), "it");
        long alive = runs.create(List.of(fixtures.finalInvoice(client).id()), "it");
        publisher.publish(dead, invoices.get(0).id(), "it");
        fixtures.execute("UPDATE publish_run SET node = 'node-gone', renewed_at = now() - interval '2 minutes' WHERE id = ?", dead);
        fixtures.execute("UPDATE publish_run SET node = 'node-alive', renewed_at = now() WHERE id = ?", alive);
        try {
            unfinished.renewAndSweep();

            assertEquals(2, awaitFinished(dead).published());
            for (Invoice invoice : invoices) {
                assertEquals(1, awaitVersion(invoice.id()).documentNo(), "published once");
            }
            assertEquals(0, fixtures.execute("UPDATE publish_run SET node = node WHERE id = ? AND node = 'node-gone'", dead), "taken over");
            assertFalse(publishing.progress(alive).finished(), "a live node's run is its own");
        } finally {
            fixtures.execute("UPDATE publish_run SET finished_at = now() WHERE id = ?", alive);
        }
    }

    @Test
    void aVoidedAndReissuedInvoiceIsANewVersionAndTheOldOneIsSuperseded() throws Exception {
        var client = fixtures.client(true);
        Invoice original = fixtures.finalInvoice(client);
        publishAndWait(Set.of(original.id()));
        PublishedInvoice v1 = awaitVersion(original.id());

        Invoice reissued = billing.voidInvoice(original.id(), "Wrong matter reference", true);
        Invoice corrected = billing.finalise(reissued.id());
        assertNotEquals(original.number(), corrected.number(), "the void invoice keeps its number");
        publishAndWait(Set.of(corrected.id()));
        PublishedInvoice v2 = awaitVersion(corrected.id());

        assertEquals(2, v2.documentNo());
        assertEquals(v2.id(), versions.byId(v1.id()).orElseThrow().supersededBy());
        assertEquals(InvoiceState.VOID, billing.invoice(original.id()).state());
        String body = (String) awaitMail(client.email(), "Invoice " + corrected.number()).getContent();
        assertTrue(body.contains("replaces invoice " + original.number()), body);
        fixtures.register(client.portalUserId());
        assertTrue(portalInvoices.anyReplaced(client.email(), client.clientId()), "the portal shows its Replaced tab");
        var replaced = portalInvoices.replaced(client.email(), client.clientId(), 0);
        assertEquals(List.of(original.id()), replaced.rows().stream().map(org.quittance.portal.boundary.PortalInvoices.Row::invoiceId).toList(),
                "which holds the void original, once");
        assertFalse(replaced.older());
        assertTrue(portalInvoices.paid(client.email(), client.clientId(), List.of(), 0).rows().isEmpty(), "nothing is paid");
        assertEquals(List.of(corrected.id()), portalInvoices.unpaid(client.email(), client.clientId()).stream()
                .map(org.quittance.portal.boundary.PortalInvoices.Row::invoiceId).toList(), "the corrected invoice is the one to pay");
    }

    @Test
    void aRolledBackFinalisationGivesItsNumberBack() throws Exception {
        var client = fixtures.client(true);
        Invoice first = fixtures.finalInvoice(client);
        Long timeId = billing.recordTime(client.matterId(), client.staffId(), LocalDate.now(), new BigDecimal("1"), "More advice").id();
        Invoice draft = billing.createInvoice(client.matterId(), Set.of(timeId), Set.of(), Set.of());

        tx.begin();
        String lost = billing.finalise(draft.id()).number();
        tx.rollback();
        String kept = billing.finalise(draft.id()).number();

        assertEquals(lost, kept, "no gap after a rollback");
        assertEquals(sequence(first.number()) + 1, sequence(kept));
    }

    @Test
    void badInputIsRefusedWithAClearMessage() {
        var client = fixtures.client(true);
        EJBException negative = assertThrows(EJBException.class,
                () -> billing.recordTime(client.matterId(), client.staffId(), LocalDate.now(), new BigDecimal("-1"), "x"));
        assertTrue(messageOf(negative).contains("Hours must be positive"), messageOf(negative));

        RuleViolation decimals = assertThrows(RuleViolation.class,
                () -> billing.recordExpense(client.matterId(), LocalDate.now(), "Taxi", new BigDecimal("12.345")));
        assertTrue(decimals.getMessage().contains("more decimals than GBP allows"), decimals.getMessage());
    }

    private static String messageOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException cve) {
                return cve.getConstraintViolations().iterator().next().getMessage();
            }
        }
        return String.valueOf(e);
    }

    private static long sequence(String number) {
        return Long.parseLong(number.substring(number.lastIndexOf('-') + 1));
    }

    private Publishing.Progress publishAndWait(Set<Long> ids) {
        return awaitFinished(publishing.start(ids));
    }

    private Publishing.Progress awaitFinished(long runId) {
        Eventually.await("publish run " + runId, WAIT, () -> publishing.progress(runId).finished());
        return publishing.progress(runId);
    }

    private PublishedInvoice awaitVersion(long invoiceId) {
        Eventually.await("published version of invoice " + invoiceId, WAIT, () -> versions.forInvoice(invoiceId).isPresent());
        return versions.forInvoice(invoiceId).orElseThrow();
    }

    private MimeMessage awaitMail(String to, String subjectStart) {
        Eventually.await("e-mail '" + subjectStart + "' to " + to, WAIT, () -> mailsTo(to, subjectStart) > 0);
        return mailbox.messages().stream().filter(m -> matches(m, to, subjectStart)).findFirst().orElseThrow();
    }

    private long mailsTo(String to, String subjectStart) {
        return mailbox.count(m -> matches(m, to, subjectStart));
    }

    private static boolean matches(MimeMessage m, String to, String subjectStart) {
        try {
            return m.getAllRecipients()[0].toString().equals(to) && m.getSubject().startsWith(subjectStart);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
