package org.quittance.ledger.control;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.quittance.ledger.entity.EntryKind;
import org.quittance.ledger.entity.StatementHeading;
import org.quittance.money.Money;
import org.quittance.platform.control.Formats;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A statement's account: the running balance, the movements by heading, and the two ways of stating what is owed. */
class StatementTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 3);

    private static Money gbp(String amount) {
        return Money.of(amount, "GBP");
    }

    private static Statement.Entry entry(EntryKind kind, String invoice, String amount) {
        return new Statement.Entry(DAY, kind, kind.label(), invoice, gbp(amount));
    }

    /** Brought forward 100.00; invoiced 500.00; paid 650.00 (of which 50.00 over: credit); written off 10.00. */
    private static Statement.Account november(Map<AgeBand, Money> open, String credit) {
        return Statement.Account.of("GBP", gbp("100.00"), List.of(
                entry(EntryKind.INVOICE, "INV-2026-00002", "500.00"),
                entry(EntryKind.RECEIPT, "INV-2026-00001", "-100.00"),
                entry(EntryKind.RECEIPT, "INV-2026-00002", "-500.00"),
                entry(EntryKind.UNAPPLIED_CREDIT, null, "-50.00"),
                entry(EntryKind.WRITE_OFF, "INV-2026-00003", "-10.00")), open, gbp(credit));
    }

    @Test
    void eachLineCarriesTheBalanceAfterItAndTheLastIsTheClosingBalance() {
        Statement.Account account = november(Map.of(), "50.00");
        assertEquals(List.of(gbp("600.00"), gbp("500.00"), gbp("0.00"), gbp("-50.00"), gbp("-60.00")),
                account.lines().stream().map(Statement.Line::balance).toList());
        assertEquals(gbp("-60.00"), account.closing());
    }

    @Test
    void movementsAreSummedUnderTheirHeadingsAndMakeTheClosingFromTheOpening() {
        Statement.Account account = november(Map.of(), "50.00");
        assertEquals(gbp("500.00"), account.movements().get(StatementHeading.INVOICES));
        assertEquals(gbp("-650.00"), account.movements().get(StatementHeading.PAYMENTS));
        assertEquals(gbp("-10.00"), account.movements().get(StatementHeading.WRITE_OFFS));
        assertEquals(gbp("0.00"), account.movements().get(StatementHeading.REFUNDS));
        Money moved = account.movements().values().stream().reduce(gbp("0.00"), Money::plus);
        assertEquals(account.closing(), account.opening().plus(moved));
    }

    @Test
    void theClosingBalanceIsWhatIsOpenLessCreditOrTheStatementDoesNotBalance() {
        // The ledger's entries end at -60.00: an invoice still owing 10.00 with 50.00 credit would be -40.00.
        assertFalse(november(Map.of(AgeBand.CURRENT, gbp("10.00")), "50.00").balances());
        Statement.Account settled = november(Map.of(), "60.00");
        assertTrue(settled.balances(), "nothing open, 60.00 in the client's favour");
        assertEquals(gbp("0.00"), settled.open().get(AgeBand.OVER_90), "every band is there, at nothing when nothing is in it");
    }

    @Test
    void aChargeIsPrintedUnderChargesAndAPaymentUnderPaymentsWithoutItsSign() {
        Statement.Line payment = november(Map.of(), "50.00").lines().get(1);
        assertFalse(payment.charge());
        assertEquals(gbp("100.00"), payment.magnitude());
        assertTrue(november(Map.of(), "50.00").lines().get(0).charge());
    }

    @Test
    void thePdfStatesTheClientThePeriodTheLinesAndTheBalance() throws IOException {
        Statement statement = new Statement("Whitlock & Crane LLP", "Harbour Lights Ltd", "Unit 4, Harbour Quay", DAY.withDayOfMonth(1),
                DAY.withDayOfMonth(30), List.of(november(Map.of(), "60.00")));
        byte[] pdf = StatementPdf.render(statement, Formats.DEFAULT, null, "1 Chancery Lane");
        try (PDDocument read = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(read);
            for (String expected : new String[]{"STATEMENT", "Harbour Lights Ltd", "1 November 2026", "30 November 2026", "Balance brought forward",
                    "100.00", "Invoice INV-2026-00002", "Write-off INV-2026-00003", "Balance GBP -60.00", "Unapplied credit", "-60.00"}) {
                assertTrue(text.contains(expected), () -> expected + " missing from:\n" + text);
            }
        }
    }

    @Test
    void anAgeBandSumsItsDaysInSql() {
        assertEquals("SUM(CASE WHEN age <= 30 THEN x ELSE 0 END)", AgeBand.CURRENT.sum("age", "x"));
        assertEquals("SUM(CASE WHEN age BETWEEN 31 AND 60 THEN x ELSE 0 END)", AgeBand.DAYS_31_60.sum("age", "x"));
        assertEquals("SUM(CASE WHEN age >= 91 THEN x ELSE 0 END)", AgeBand.OVER_90.sum("age", "x"));
    }
}
