package org.quittance.it;

import jakarta.ejb.EJB;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quittance.adjustments.boundary.Adjustments;
import org.quittance.adjustments.entity.AdjustmentKind;
import org.quittance.billing.boundary.Billing;
import org.quittance.billing.entity.InvoiceState;
import org.quittance.ledger.boundary.Ledgers;
import org.quittance.ledger.boundary.Receivables;
import org.quittance.ledger.entity.EntryKind;
import org.quittance.money.Money;
import org.quittance.platform.control.RuleViolation;
import org.quittance.receipts.boundary.ManualReceipts;
import org.quittance.receipts.entity.PaymentMethod;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What staff do to a client's account besides receipts: an overpayment's credit applied to a later
 * invoice and the rest refunded, a write-off and a credit memo with their reasons, the same form saved
 * twice making one adjustment, and credit that is not there refused — and the A/R aging that follows.
 */
@ExtendWith(ArquillianExtension.class)
class AdjustmentsIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.quittanceWith(AdjustmentsIT.class);
    }

    @EJB BillingFixtures fixtures;
    @EJB Billing billing;
    @EJB ManualReceipts manual;
    @EJB Adjustments adjustments;
    @EJB Ledgers ledgers;
    @EJB Receivables receivables;

    @BeforeEach
    void firm() {
        fixtures.firmWithPortalInvoicing(true);
    }

    @Test
    void anOverpaymentsCreditPaysALaterInvoiceAndTheRestIsRefunded() {
        BillingFixtures.Scenario client = fixtures.client(true);
        Long first = fixtures.finalInvoice(client).id();
        manual.enter(new ManualReceipts.Entry(client.clientId(), PaymentMethod.WIRE, "W" + UUID.randomUUID().toString().substring(0, 8),
                LocalDate.now(), new BigDecimal("1000.00"), "GBP", Map.of(), null, key()));
        assertEquals(Money.of("400.00", "GBP"), credit(client));

        Long later = fixtures.finalInvoice(client).id();
        String applyKey = key();
        Adjustments.Entry apply = entry(client, AdjustmentKind.CREDIT_APPLIED, later, "350.00", "Overpayment of the wire", applyKey);
        long once = adjustments.enter(apply);
        assertEquals(once, adjustments.enter(apply), "the same form saved twice: one adjustment");
        assertEquals(Money.of("250.00", "GBP"), billing.invoice(later).balanceDue());
        assertEquals(Money.of("50.00", "GBP"), credit(client));

        RuleViolation tooMuch = assertThrows(RuleViolation.class,
                () -> adjustments.enter(entry(client, AdjustmentKind.CREDIT_REFUNDED, null, "50.01", "Refund", key())));
        assertEquals("Client " + client.email().substring(7, 15) + " has GBP 50.00 unapplied credit: GBP 50.01 cannot be used.",
                tooMuch.getMessage());
        adjustments.enter(entry(client, AdjustmentKind.CREDIT_REFUNDED, null, "50.00", "Cheque 1207 to the client", key()));

        assertEquals(Money.zero("GBP"), credit(client));
        assertEquals(InvoiceState.PAID, billing.invoice(first).state());
        assertEquals(Map.of("GBP", Money.of("250.00", "GBP")), ledgers.balance(client.clientId()), "only the later invoice's rest is owed");
        List<Ledgers.Line> lines = ledgers.ofClient(client.clientId());
        assertEquals(List.of(EntryKind.CREDIT_APPLIED, EntryKind.CREDIT_APPLIED, EntryKind.CREDIT_REFUNDED),
                lines.subList(lines.size() - 3, lines.size()).stream().map(Ledgers.Line::kind).toList());
        assertEquals("Credit refunded: Cheque 1207 to the client", lines.get(lines.size() - 1).description());
    }

    @Test
    void aWriteOffAndACreditMemoCarryTheirReasonAndTheAgingFollows() {
        BillingFixtures.Scenario client = fixtures.client(true);
        Long invoice = fixtures.finalInvoice(client).id();
        adjustments.enter(entry(client, AdjustmentKind.CREDIT_MEMO, invoice, "100.00", "Fee reduced as agreed", key()));
        adjustments.enter(entry(client, AdjustmentKind.CREDIT_MEMO, null, "20.00", "Goodwill", key()));
        assertEquals(Money.of("500.00", "GBP"), billing.invoice(invoice).balanceDue());

        Receivables.Aged aged = aging(client);
        assertEquals(List.of(Money.of("500.00", "GBP"), Money.of("20.00", "GBP"), Money.of("480.00", "GBP")),
                List.of(aged.current(), aged.credit(), aged.net()), "a fresh invoice is current; the memo without invoice is credit");
        assertEquals(Money.of("500.00", "GBP"), receivables.aging(LocalDate.now().plusDays(45)).stream()
                .filter(a -> a.clientId().equals(client.clientId())).findFirst().orElseThrow().days31to60(), "45 days on");

        RuleViolation beyond = assertThrows(RuleViolation.class,
                () -> adjustments.enter(entry(client, AdjustmentKind.WRITE_OFF, invoice, "500.01", "Uncollectable", key())));
        assertEquals("Invoice " + billing.invoice(invoice).number() + " owes GBP 500.00: the write-off cannot be more.", beyond.getMessage());
        adjustments.enter(entry(client, AdjustmentKind.WRITE_OFF, invoice, "500.00", "Client insolvent", key()));

        assertEquals(InvoiceState.PAID, billing.invoice(invoice).state());
        assertEquals(Map.of("GBP", Money.of("-20.00", "GBP")), ledgers.balance(client.clientId()), "only the goodwill credit is left");
        assertEquals(List.of("Write-off", "Credit memo", "Credit memo"),
                adjustments.ofClient(client.clientId()).stream().map(r -> r.kind().label()).toList());
        assertEquals("Written off: Client insolvent", ledgers.ofMatter(client.matterId()).get(ledgers.ofMatter(client.matterId()).size() - 1).description());
    }

    private Receivables.Aged aging(BillingFixtures.Scenario client) {
        return receivables.aging(LocalDate.now()).stream().filter(a -> a.clientId().equals(client.clientId())).findFirst().orElseThrow();
    }

    private Money credit(BillingFixtures.Scenario client) {
        return ledgers.unappliedCredit(client.clientId()).getOrDefault("GBP", Money.zero("GBP"));
    }

    private static Adjustments.Entry entry(BillingFixtures.Scenario client, AdjustmentKind kind, Long invoiceId, String amount, String reason,
                                           String key) {
        return new Adjustments.Entry(client.clientId(), kind, invoiceId, new BigDecimal(amount), "GBP", reason, key);
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }
}
