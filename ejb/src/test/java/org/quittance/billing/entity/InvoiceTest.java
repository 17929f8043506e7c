package org.quittance.billing.entity;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quittance.clients.entity.Client;
import org.quittance.clients.entity.ClientKind;
import org.quittance.clients.entity.Matter;
import org.quittance.money.Money;
import org.quittance.security.entity.PasswordHash;
import org.quittance.staff.entity.StaffRole;
import org.quittance.staff.entity.StaffUser;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** The invoice's life: draft → final → published, or void (number kept), and re-issue. */
class InvoiceTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-24T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    private Matter matter;
    private TimeEntry time;
    private Expense courier;

    @BeforeEach
    void work() {
        StaffUser alex = new StaffUser("alex", "Alex Whitlock", "alex@example.com", new PasswordHash("h", "s", 1), Set.of(StaffRole.ADMIN));
        matter = new Matter(new Client("Harbour Lights Ltd", ClientKind.ORGANISATION), "HL-001", "Lease", Money.of("240.00", "GBP"), alex);
        time = new TimeEntry(matter, alex, TODAY.minusDays(3), new BigDecimal("2.50"), matter.hourlyRate(), "Review of lease");
        courier = new Expense(matter, TODAY.minusDays(2), "Courier", Money.of("18.50", "GBP"));
    }

    private Invoice draft() {
        Invoice invoice = new Invoice(matter, new BigDecimal("20"), "VAT", "alex", NOW);
        invoice.add(InvoiceLine.of(time));
        invoice.add(InvoiceLine.of(courier, false));
        return invoice;
    }

    @Test
    void aDraftTotalsItsLinesAndMarksTheWorkBilled() {
        Invoice invoice = draft();
        assertEquals(Money.of("618.50", "GBP"), invoice.subtotal());
        assertEquals(Money.of("120.00", "GBP"), invoice.tax());
        assertEquals(Money.of("738.50", "GBP"), invoice.total());
        assertTrue(time.billed());
        assertTrue(courier.billed());
        assertNull(invoice.number(), "a draft has no number");
    }

    @Test
    void finalisingNumbersDatesAndFreezesIt() {
        Invoice invoice = draft();
        invoice.finalise("INV-2026-00001", TODAY, 30, NOW);
        assertEquals(InvoiceState.FINAL, invoice.state());
        assertEquals(TODAY.plusDays(30), invoice.dueDate());
        assertEquals(invoice.total(), invoice.balanceDue());
        assertThrows(IllegalStateException.class, () -> invoice.add(InvoiceLine.adHoc(TODAY, "Extra", BigDecimal.ONE, Money.of("1.00", "GBP"))));
        assertThrows(IllegalStateException.class, () -> invoice.setRates(BigDecimal.TEN, BigDecimal.ZERO));
    }

    @Test
    void anEmptyOrZeroInvoiceCannotBeFinalised() {
        Invoice empty = new Invoice(matter, BigDecimal.ZERO, "VAT", "alex", NOW);
        assertThrows(IllegalStateException.class, () -> empty.finalise("X-1", TODAY, 30, NOW));
        empty.add(InvoiceLine.adHoc(TODAY, "Courtesy", BigDecimal.ONE, Money.of("0.00", "GBP")));
        assertThrows(IllegalStateException.class, () -> empty.finalise("X-1", TODAY, 30, NOW));
    }

    @Test
    void onlyAFinalInvoiceCanBePublishedAndOnlyOnce() {
        Invoice invoice = draft();
        assertThrows(IllegalStateException.class, () -> invoice.markPublished("alex", NOW));
        invoice.finalise("INV-2026-00001", TODAY, 30, NOW);
        invoice.markPublished("alex", NOW);
        assertEquals(InvoiceState.PUBLISHED, invoice.state());
        assertThrows(IllegalStateException.class, () -> invoice.markPublished("billie", NOW));
    }

    @Test
    void voidingKeepsTheNumberAndCanGiveTheWorkBack() {
        Invoice invoice = draft();
        invoice.finalise("INV-2026-00001", TODAY, 30, NOW);
        invoice.voidInvoice("Wrong rate", true, NOW);
        assertEquals(InvoiceState.VOID, invoice.state());
        assertEquals("INV-2026-00001", invoice.number());
        assertTrue(invoice.balanceDue().isZero());
        assertFalse(time.billed(), "the time can go on another invoice");
    }

    @Test
    void aReissuedDraftTakesTheSameWorkAndPointsAtTheVoidedInvoice() {
        Invoice invoice = draft();
        invoice.finalise("INV-2026-00001", TODAY, 30, NOW);
        invoice.markPublished("alex", NOW);
        assertThrows(IllegalStateException.class, () -> invoice.reissue("alex", NOW), "only a void invoice is re-issued");
        invoice.voidInvoice("Client name misspelt", false, NOW);
        Invoice reissued = invoice.reissue("alex", NOW);
        assertSame(invoice, reissued.replaces());
        assertEquals(InvoiceState.DRAFT, reissued.state());
        assertEquals(invoice.total(), reissued.total());
        assertTrue(time.billed());
    }

    @Test
    void aLineInAnotherCurrencyIsRefused() {
        Invoice invoice = draft();
        assertThrows(IllegalArgumentException.class,
                () -> invoice.add(InvoiceLine.adHoc(TODAY, "Fee", BigDecimal.ONE, Money.of("10.00", "EUR"))));
    }

    @Test
    void paymentsLowerTheBalanceUntilPaidAndTakingOneBackReopensIt() {
        Invoice invoice = draft();
        invoice.finalise("INV-2026-00001", TODAY, 30, NOW);
        invoice.markPublished("alex", NOW);

        invoice.receive(Money.of("300.00", "GBP"));
        assertEquals(InvoiceState.PARTLY_PAID, invoice.state());
        assertEquals(Money.of("438.50", "GBP"), invoice.balanceDue());
        assertThrows(IllegalStateException.class, () -> invoice.receive(Money.of("438.51", "GBP")), "never more than the balance");

        invoice.receive(Money.of("438.50", "GBP"));
        assertEquals(InvoiceState.PAID, invoice.state());
        assertThrows(IllegalStateException.class, () -> invoice.voidInvoice("x", false, NOW), "a paid invoice is not voided");

        invoice.reopen(Money.of("438.50", "GBP"));
        assertEquals(InvoiceState.PARTLY_PAID, invoice.state());
        invoice.reopen(Money.of("300.00", "GBP"));
        assertEquals(InvoiceState.PUBLISHED, invoice.state(), "back to published with nothing paid");
        assertEquals(invoice.total(), invoice.balanceDue());
        assertThrows(IllegalStateException.class, () -> invoice.reopen(Money.of("0.01", "GBP")), "never owes more than its total");
    }

    @Test
    void aDraftOrVoidInvoiceTakesNoPayment() {
        Invoice invoice = draft();
        assertThrows(IllegalStateException.class, () -> invoice.receive(Money.of("1.00", "GBP")));
        invoice.finalise("INV-2026-00001", TODAY, 30, NOW);
        invoice.voidInvoice("wrong matter", false, NOW);
        assertThrows(IllegalStateException.class, () -> invoice.receive(Money.of("1.00", "GBP")));
    }
}
