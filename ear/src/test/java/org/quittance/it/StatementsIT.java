package org.quittance.it;

import jakarta.ejb.EJB;
import jakarta.mail.internet.MimeMessage;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quittance.billing.boundary.Printing;
import org.quittance.billing.entity.Invoice;
import org.quittance.ledger.boundary.StatementMails;
import org.quittance.ledger.boundary.Statements;
import org.quittance.ledger.control.Statement;
import org.quittance.mail.boundary.Mailer;
import org.quittance.money.Money;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Statements of account in the portal: a user sees its client's statement over the matters whose
 * invoices it receives, never another client's; the monthly e-mail goes once per month to those who
 * asked for it; Print selected puts the chosen invoices and each client's statement into one PDF and
 * marks them sent by post. (The figures against the ledger: LedgerInvariantIT.)
 */
@ExtendWith(ArquillianExtension.class)
class StatementsIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.quittanceWith(Deployments.testModule(StatementsIT.class, BillingFixtures.class, BillingFixtures.Scenario.class,
                BillingFixtures.Published.class, Eventually.class, Mailbox.class).addAsLibraries(Deployments.libraryOnClassPath("greenmail-2")));
    }

    @EJB BillingFixtures fixtures;
    @EJB Statements statements;
    @EJB StatementMails mails;
    @EJB Mailer mailer;
    @EJB Printing printing;
    @EJB org.quittance.billing.boundary.Billing billing;

    private static final Money SIX_HUNDRED = Money.of("600.00", "GBP");

    @Test
    void aPortalUserSeesItsMattersOfItsClientAndNothingOfAnother() {
        fixtures.firmWithPortalInvoicing(true);
        BillingFixtures.Published first = fixtures.registeredClientWithPublishedInvoice();
        BillingFixtures.Published colleague = fixtures.colleagueOnAnotherMatter(first);
        BillingFixtures.Published stranger = fixtures.registeredClientWithPublishedInvoice();
        LocalDate today = LocalDate.now();

        // Staff see the whole client: both matters' invoices.
        Statement whole = statements.ofClient(first.clientId(), today.withDayOfMonth(1), today);
        assertEquals(Money.of("1200.00", "GBP"), whole.accounts().get(0).closing());

        // Each portal user, the matters it receives.
        Statement mine = statements.forPortal(first.email(), first.clientId(), today.withDayOfMonth(1), today).orElseThrow();
        assertEquals(SIX_HUNDRED, mine.accounts().get(0).closing());
        assertEquals(1, mine.accounts().get(0).lines().size());
        Statement theirs = statements.forPortal(colleague.email(), first.clientId(), today.withDayOfMonth(1), today).orElseThrow();
        assertFalse(theirs.accounts().get(0).lines().get(0).invoice().equals(mine.accounts().get(0).lines().get(0).invoice()),
                "the colleague's statement has the colleague's invoice");

        // Another client's statement does not exist for this user, whatever id it sends.
        assertTrue(statements.forPortal(first.email(), stranger.clientId(), today.withDayOfMonth(1), today).isEmpty());
        assertTrue(statements.pdfForPortal(stranger.email(), first.clientId(), today.withDayOfMonth(1), today).isEmpty());
        assertTrue(statements.forPortal(first.email(), Long.MAX_VALUE, today.withDayOfMonth(1), today).isEmpty());
        assertTrue(statements.pdfForPortal(first.email(), first.clientId(), today.withDayOfMonth(1), today).orElseThrow().length > 1000);
    }

    @Test
    void aPeriodOutOfBoundsIsRefusedBeforeAnyQuery() {
        fixtures.firmWithPortalInvoicing(true);
        BillingFixtures.Published c = fixtures.registeredClientWithPublishedInvoice();
        for (LocalDate[] period : List.of(new LocalDate[]{LocalDate.of(1999, 12, 31), LocalDate.now()},
                new LocalDate[]{LocalDate.now(), LocalDate.now().minusDays(1)},
                new LocalDate[]{LocalDate.of(2000, 1, 1), LocalDate.of(2100, 1, 1)})) {
            RuntimeException refused = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                    () -> statements.ofClient(c.clientId(), period[0], period[1]));
            assertTrue(String.valueOf(refused.getMessage()).contains("Choose a period") || refused.getCause() != null
                    && String.valueOf(refused.getCause().getMessage()).contains("Choose a period"), refused.toString());
        }
    }

    @Test
    void theMonthlyStatementIsMailedOnceToThoseWhoAskedForIt() throws Exception {
        fixtures.firmWithPortalInvoicing(true);
        BillingFixtures.Published wants = fixtures.registeredClientWithPublishedInvoice();
        BillingFixtures.Published doesNot = fixtures.registeredClientWithPublishedInvoice();
        mails.want(wants.email(), true);
        assertTrue(mails.wanted(wants.email()));
        assertFalse(mails.wanted(doesNot.email()));
        YearMonth month = YearMonth.now();
        try (Mailbox mailbox = Mailbox.open()) {
            assertTrue(mails.run(month) >= 1);
            assertEquals(0, mails.run(month), "a second run of the month sends nothing");
            mailbox.awaitRelayPassed(mailer);
            assertEquals(1, mailbox.count(Mailbox.to(wants.email(), "Your statement for ")), mailbox.subjects().toString());
            assertEquals(0, mailbox.count(Mailbox.to(doesNot.email(), "Your statement for ")));
            MimeMessage mail = mailbox.await("the statement mail", Mailbox.to(wants.email(), "Your statement for "));
            String body = (String) mail.getContent();
            assertTrue(body.contains("GBP 600.00") && body.contains("/portal/statements.xhtml?account=" + wants.clientId() + "&month=" + month), body);
        } finally {
            mails.want(wants.email(), false);
        }
    }

    @Test
    void printSelectedMakesOnePdfOfEveryInvoiceWithEachClientsStatementAndMarksThemSentByPost() throws Exception {
        fixtures.firmWithPortalInvoicing(true);
        BillingFixtures.Scenario paper = fixtures.client(false);
        BillingFixtures.Scenario other = fixtures.client(false);
        Invoice first = fixtures.finalInvoice(paper);
        Invoice second = fixtures.finalInvoice(paper);
        Invoice third = fixtures.finalInvoice(other);

        Printing.Printed printed = printing.print(List.of(third.id(), first.id(), second.id()), true);

        assertEquals(3, printed.invoices());
        assertEquals(2, printed.statements(), "one statement per client, after its invoices");
        com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(printed.pdf());
        com.lowagie.text.pdf.parser.PdfTextExtractor text = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader);
        StringBuilder all = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            all.append(text.getTextFromPage(page)).append('\n');
        }
        reader.close();
        for (Invoice invoice : List.of(first, second, third)) {
            assertTrue(all.indexOf(invoice.number()) >= 0, () -> invoice.number() + " missing from the print:\n" + all);
            assertTrue(billing.invoice(invoice.id()).postedAt() != null, invoice.number() + " is marked as sent by post");
        }
        assertEquals(2, all.toString().split("STATEMENT", -1).length - 1, all.toString());
        assertTrue(all.indexOf(first.number()) < all.indexOf(second.number()), "one client's invoices by number, then the next client's");

        // A draft is not printed, and nothing is marked when anything is refused.
        Invoice draft = billing.createInvoice(paper.matterId(), java.util.Set.of(
                billing.recordTime(paper.matterId(), paper.staffId(), LocalDate.now(), new java.math.BigDecimal("1.00"), "Call").id()),
                java.util.Set.of(), java.util.Set.of());
        Invoice fresh = fixtures.finalInvoice(other);
        RuntimeException refused = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                () -> printing.print(List.of(fresh.id(), draft.id()), false));
        assertTrue(String.valueOf(refused.getMessage()).contains("only final invoices are printed"), refused.toString());
        assertEquals(null, billing.invoice(fresh.id()).postedAt());
    }
}
