package org.quittance.billing.entity;

import org.junit.jupiter.api.Test;
import org.quittance.money.Money;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class InvoiceTotalsTest {

    private static InvoiceTotals.Line fee(String amount) {
        return new InvoiceTotals.Line(LineKind.TIME, Money.of(amount, "GBP"), true);
    }

    private static InvoiceTotals.Line disbursement(String amount, boolean taxable) {
        return new InvoiceTotals.Line(LineKind.EXPENSE, Money.of(amount, "GBP"), taxable);
    }

    @Test
    void taxIsChargedOnFeesAndTaxableExpensesOnly() {
        var totals = InvoiceTotals.of(List.of(fee("600.00"), disbursement("300.00", false), disbursement("18.50", true)),
                BigDecimal.ZERO, new BigDecimal("20"), "GBP");
        assertEquals(Money.of("918.50", "GBP"), totals.subtotal());
        assertEquals(Money.of("123.70", "GBP"), totals.tax());   // 20 % of 618.50
        assertEquals(Money.of("1042.20", "GBP"), totals.total());
    }

    @Test
    void discountAppliesToFeesNotToExpensesAndReducesTheTaxBase() {
        var totals = InvoiceTotals.of(List.of(fee("1000.00"), disbursement("100.00", false)),
                new BigDecimal("10"), new BigDecimal("20"), "GBP");
        assertEquals(Money.of("100.00", "GBP"), totals.discount());
        assertEquals(Money.of("180.00", "GBP"), totals.tax());
        assertEquals(Money.of("1180.00", "GBP"), totals.total());
    }

    @Test
    void taxIsRoundedHalfUpOnceOnTheInvoiceNotPerLine() {
        var totals = InvoiceTotals.of(List.of(fee("1.11"), fee("1.11"), fee("1.11")), BigDecimal.ZERO, new BigDecimal("15"), "GBP");
        // 3.33 × 15 % = 0.4995 → 0.50; rounding per line would give 3 × 0.17 = 0.51.
        assertEquals(Money.of("0.50", "GBP"), totals.tax());
        assertEquals(Money.of("3.83", "GBP"), totals.total());
    }

    @Test
    void aHalfCentDiscountRoundsUp() {
        var totals = InvoiceTotals.of(List.of(fee("0.25")), new BigDecimal("10"), BigDecimal.ZERO, "GBP");
        assertEquals(Money.of("0.03", "GBP"), totals.discount());   // 0.025 → 0.03
        assertEquals(Money.of("0.22", "GBP"), totals.total());
    }

    @Test
    void currenciesWithoutMinorUnitsRoundToWholeUnits() {
        var totals = InvoiceTotals.of(List.of(new InvoiceTotals.Line(LineKind.FIXED_FEE, Money.of("1005", "JPY"), true)),
                BigDecimal.ZERO, new BigDecimal("10"), "JPY");
        assertEquals(Money.of("101", "JPY"), totals.tax());   // 100.5 → 101
    }

    @Test
    void aDiscountAbove100PercentIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> InvoiceTotals.of(List.of(fee("10.00")), new BigDecimal("100.01"), BigDecimal.ZERO, "GBP"));
    }

    @Test
    void anEmptyInvoiceTotalsZero() {
        var totals = InvoiceTotals.of(List.of(), BigDecimal.ZERO, new BigDecimal("20"), "EUR");
        assertTrue(totals.total().isZero());
    }
}
