package org.quittance.it;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.ConstraintViolationException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quittance.adjustments.boundary.Adjustments;
import org.quittance.adjustments.entity.AdjustmentKind;
import org.quittance.ledger.boundary.Ledgers;
import org.quittance.ledger.boundary.Statements;
import org.quittance.ledger.control.Statement;
import org.quittance.money.Money;
import org.quittance.platform.control.RuleViolation;
import org.quittance.receipts.boundary.IntegratedReceipts;
import org.quittance.receipts.boundary.ManualReceipts;
import org.quittance.receipts.boundary.ReceiptHourTotals;
import org.quittance.receipts.boundary.ReceiptReports;
import org.quittance.receipts.entity.PaymentMethod;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ledger's invariant over random sequences of everything staff do to a client's account: invoices,
 * receipts spread or placed, overpayments, undo and accept again, rejections, write-offs, credit memos,
 * credit applied and refunded, and refused requests. After every step, each invoice's entries add up to
 * its balance due, the client's balance is its open invoices' balances less its unapplied credit, and
 * that credit is never negative; and Reports' receipts by month, summed from hourly totals and their
 * changes (folded now and then), equals the sum of the receipts themselves; and statements of account
 * agree with the ledger, whole or split at any day (days pass between some steps). The seed is printed;
 * -Dledger.seed=N replays a failing sequence.
 */
@ExtendWith(ArquillianExtension.class)
class LedgerInvariantIT {

    private static final int STEPS = 120;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.quittanceWith(LedgerInvariantIT.class);
    }

    @EJB BillingFixtures fixtures;
    @EJB ManualReceipts manual;
    @EJB IntegratedReceipts receipts;
    @EJB Adjustments adjustments;
    @EJB Ledgers ledgers;
    @EJB ReceiptReports reports;
    @EJB ReceiptHourTotals hourTotals;
    @EJB Statements statements;

    @PersistenceContext(unitName = "quittance")
    EntityManager em;

    @Test
    void everyStepKeepsTheBalanceEqualToOpenInvoicesLessUnappliedCredit() {
        long seed = Long.getLong("ledger.seed", System.nanoTime());
        System.out.println("LedgerInvariantIT seed " + seed);
        Random random = new Random(seed);
        fixtures.firmWithPortalInvoicing(true);
        BillingFixtures.Scenario client = fixtures.client(true);
        fixtures.finalInvoice(client);
        Map<String, Integer> done = new HashMap<>();
        Map<String, Integer> refused = new HashMap<>();
        List<String> steps = new ArrayList<>();
        for (int step = 0; step < STEPS; step++) {
            String name = switch (random.nextInt(10)) {
                case 0 -> "invoice";
                case 1, 2 -> "receipt";
                case 3 -> "undo";
                case 4 -> "accept or reject";
                case 5 -> "write-off";
                case 6 -> "credit memo";
                case 7 -> "apply credit";
                case 8 -> "a day passes";
                default -> random.nextInt(4) == 0 ? "fold hourly totals" : "refund credit";
            };
            steps.add(name);
            try {
                step(name, client, random);
                done.merge(name, 1, Integer::sum);
            } catch (RuleViolation e) {
                refused.merge(name, 1, Integer::sum);  // a refused request must leave the books as they were
            } catch (EJBException e) {
                if (!invalidInput(e)) {
                    throw e;  // only the rules and the form's validation may refuse; anything else is a defect
                }
                refused.merge(name, 1, Integer::sum);
            }
            assertInvariant(client.clientId(), "seed " + seed + ", after steps " + steps);
        }
        System.out.println("LedgerInvariantIT done " + done + ", refused " + refused);
        assertTrue(done.getOrDefault("receipt", 0) > 0 && done.getOrDefault("apply credit", 0) + done.getOrDefault("write-off", 0) > 0,
                "the sequence exercised receipts and adjustments: " + done);
    }

    private void step(String name, BillingFixtures.Scenario client, Random random) {
        List<Object[]> open = openInvoices(client.clientId());
        Money credit = ledgers.unappliedCredit(client.clientId()).getOrDefault("GBP", Money.zero("GBP"));
        switch (name) {
            case "invoice" -> fixtures.finalInvoice(client);
            case "receipt" -> {
                BigDecimal amount = cents(random, 90_000);
                Map<Long, BigDecimal> parts = new HashMap<>();
                if (!open.isEmpty() && random.nextBoolean()) {
                    Object[] invoice = open.get(random.nextInt(open.size()));
                    parts.put(((Number) invoice[0]).longValue(), amount.min((BigDecimal) invoice[1]));
                }
                manual.enter(new ManualReceipts.Entry(client.clientId(), PaymentMethod.CHEQUE, "C" + UUID.randomUUID().toString().substring(0, 8),
                        LocalDate.now().minusDays(random.nextInt(120)), amount, "GBP", parts, null, UUID.randomUUID().toString()));
            }
            case "fold hourly totals" -> hourTotals.fold();
            // What was posted so far moves a day into the past, so that statements have days before and after.
            case "a day passes" -> fixtures.shiftLedger(client.clientId(), 1);
            case "undo" -> receiptIn(client.clientId(), "ACCEPTED", random)
                    .ifPresent(id -> receipts.undoAcceptance(id, "Entered against the wrong invoice"));
            case "accept or reject" -> receiptIn(client.clientId(), "AWAITING_ACCEPTANCE", random).ifPresent(id -> {
                if (random.nextInt(4) == 0) {
                    receipts.reject(List.of(id), "Bounced");
                } else {
                    receipts.acceptSelected(List.of(id));
                }
            });
            case "write-off", "credit memo", "apply credit" -> {
                AdjustmentKind kind = switch (name) {
                    case "write-off" -> AdjustmentKind.WRITE_OFF;
                    case "credit memo" -> AdjustmentKind.CREDIT_MEMO;
                    default -> AdjustmentKind.CREDIT_APPLIED;
                };
                Long invoiceId = null;
                BigDecimal amount = cents(random, 70_000);
                if (!open.isEmpty() && (kind != AdjustmentKind.CREDIT_MEMO || random.nextBoolean())) {
                    Object[] invoice = open.get(random.nextInt(open.size()));
                    invoiceId = ((Number) invoice[0]).longValue();
                    // Mostly within what is owed (and held), sometimes beyond it: that must be refused.
                    if (random.nextInt(5) > 0) {
                        amount = amount.min((BigDecimal) invoice[1]);
                        if (kind == AdjustmentKind.CREDIT_APPLIED) {
                            amount = amount.min(credit.amount());
                        }
                    }
                }
                adjustments.enter(new Adjustments.Entry(client.clientId(), kind, invoiceId, amount, "GBP", "Random " + name,
                        UUID.randomUUID().toString()));
            }
            default -> {
                BigDecimal amount = random.nextInt(5) > 0 ? cents(random, 50_000).min(credit.amount()) : cents(random, 50_000);
                adjustments.enter(new Adjustments.Entry(client.clientId(), AdjustmentKind.CREDIT_REFUNDED, null, amount, "GBP",
                        "Random refund", UUID.randomUUID().toString()));
            }
        }
    }

    private static boolean invalidInput(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    private void assertInvariant(Long clientId, String context) {
        @SuppressWarnings("unchecked")
        List<Object[]> mismatched = em.createNativeQuery("""
                        SELECT i.number, i.balance_due, COALESCE(SUM(e.amount), 0) FROM invoice i
                        JOIN matter m ON m.id = i.matter_id LEFT JOIN ledger_entry e ON e.invoice_id = i.id
                        WHERE m.client_id = ? AND i.state IN ('FINAL', 'PUBLISHED', 'PARTLY_PAID', 'PAID')
                        GROUP BY i.id, i.number, i.balance_due HAVING i.balance_due <> COALESCE(SUM(e.amount), 0)""")
                .setParameter(1, clientId).getResultList();
        assertTrue(mismatched.isEmpty(), () -> "invoice, balance due, sum of its entries: "
                + mismatched.stream().map(Arrays::toString).toList() + " — " + context);
        BigDecimal open = (BigDecimal) em.createNativeQuery("""
                        SELECT COALESCE(SUM(i.balance_due), 0) FROM invoice i JOIN matter m ON m.id = i.matter_id
                        WHERE m.client_id = ? AND i.state IN ('FINAL', 'PUBLISHED', 'PARTLY_PAID')""")
                .setParameter(1, clientId).getSingleResult();
        Money credit = ledgers.unappliedCredit(clientId).getOrDefault("GBP", Money.zero("GBP"));
        Money balance = ledgers.balance(clientId).getOrDefault("GBP", Money.zero("GBP"));
        assertEquals(Money.of(open, "GBP").minus(credit), balance, "balance = open invoices − unapplied credit — " + context);
        assertFalse(credit.isNegative(), "unapplied credit below zero — " + context);
        List<Ledgers.Line> lines = ledgers.ofClient(clientId);
        assertEquals(balance, lines.get(lines.size() - 1).balance(), "the running balance ends at the balance — " + context);
        assertReceiptsByMonthAreTheReceipts(context);
        assertStatementsAreTheLedger(clientId, balance, credit, lines.size(), context);
    }

    /**
     * A statement from the first day agrees with the ledger; split at any day, the first part's closing
     * balance is the second's opening, and each part's open invoices less credit make its closing balance.
     */
    private void assertStatementsAreTheLedger(Long clientId, Money balance, Money credit, int entries, String context) {
        LocalDate today = LocalDate.now();
        Statement whole = statements.ofClient(clientId, Statements.EARLIEST, today);
        Statement.Account all = gbp(whole);
        assertEquals(Money.zero("GBP"), all.opening(), "nothing before the first day — " + context);
        assertEquals(balance, all.closing(), "statement's closing balance = ledger balance — " + context);
        assertEquals(credit, all.credit(), "statement's credit = unapplied credit — " + context);
        assertEquals(entries, all.lines().size(), "one statement line per ledger entry — " + context);
        assertTrue(all.balances(), () -> "open by age " + all.open() + " less credit " + all.credit() + " ≠ closing " + all.closing() + " — " + context);

        LocalDate first = all.lines().get(0).date();
        LocalDate split = first.plusDays(new Random(entries).nextInt((int) java.time.temporal.ChronoUnit.DAYS.between(first, today) + 1));
        Statement.Account before = gbp(statements.ofClient(clientId, Statements.EARLIEST, split.minusDays(1)));
        Statement.Account after = gbp(statements.ofClient(clientId, split, today));
        assertEquals(before.closing(), after.opening(), "closing on " + split.minusDays(1) + " = opening on " + split + " — " + context);
        assertEquals(balance, after.closing(), "closing today — " + context);
        assertEquals(after.closing().minus(after.opening()), after.movements().values().stream().reduce(Money.zero("GBP"), Money::plus),
                "movements = closing − opening — " + context);
        assertTrue(before.balances(), () -> "on " + split.minusDays(1) + ": open by age " + before.open() + " less credit "
                + before.credit() + " ≠ closing " + before.closing() + " — " + context);
        assertEquals(entries, before.lines().size() + after.lines().size(), "each entry in one part — " + context);
    }

    private static Statement.Account gbp(Statement statement) {
        return statement.accounts().stream().filter(a -> a.currency().equals("GBP")).findFirst()
                .orElseGet(() -> Statement.Account.of("GBP", Money.zero("GBP"), List.of(), Map.of(), Money.zero("GBP")));
    }

    private void assertReceiptsByMonthAreTheReceipts(String context) {
        LocalDate from = LocalDate.now().minusDays(400), to = LocalDate.now();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT to_char(received_at AT TIME ZONE ?, 'YYYY-MM'), source, currency, COUNT(*), SUM(gross),
                               SUM(COALESCE(fee, 0)), SUM(COALESCE(net, gross)), SUM(refunded)
                        FROM receipt WHERE state = 'ACCEPTED' AND received_at >= ? GROUP BY 1, 2, 3 ORDER BY 1 DESC, 2, 3""")
                .setParameter(1, java.time.ZoneId.systemDefault().getId())
                .setParameter(2, from.atStartOfDay(java.time.ZoneId.systemDefault()).toOffsetDateTime()).getResultList();
        List<String> expected = rows.stream().map(r -> r[0] + " " + r[1] + " " + ((String) r[2]).trim() + " " + r[3] + " "
                + Money.of((BigDecimal) r[4], ((String) r[2]).trim()) + " " + Money.of((BigDecimal) r[5], ((String) r[2]).trim()) + " "
                + Money.of((BigDecimal) r[6], ((String) r[2]).trim()) + " " + Money.of((BigDecimal) r[7], ((String) r[2]).trim())).toList();
        List<String> reported = reports.byMonth(from, to).stream().map(p -> p.month() + " " + p.source() + " " + p.gross().currency()
                + " " + p.receipts() + " " + p.gross() + " " + p.fees() + " " + p.net() + " " + p.refunded()).toList();
        assertEquals(expected, reported, "receipts by month — " + context);
    }

    private List<Object[]> openInvoices(Long clientId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT i.id, i.balance_due FROM invoice i JOIN matter m ON m.id = i.matter_id
                        WHERE m.client_id = ? AND i.state IN ('FINAL', 'PUBLISHED', 'PARTLY_PAID') ORDER BY i.id""")
                .setParameter(1, clientId).getResultList();
        return rows;
    }

    private Optional<Long> receiptIn(Long clientId, String state, Random random) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT id FROM receipt WHERE client_id = ? AND state = ? ORDER BY id")
                .setParameter(1, clientId).setParameter(2, state).getResultList();
        return ids.isEmpty() ? Optional.empty() : Optional.of(ids.get(random.nextInt(ids.size())).longValue());
    }

    private static BigDecimal cents(Random random, int max) {
        return BigDecimal.valueOf(1 + random.nextInt(max), 2);
    }
}
