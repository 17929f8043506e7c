package org.quittance.billing.entity;

import org.quittance.money.Money;

import java.math.BigDecimal;
import java.util.List;

/**
 * The invoice arithmetic, in one place. Line amounts are already rounded to the currency's minor unit
 * (hours × rate rounds per line). Then:
 * <ol>
 * <li>subtotal = fees + expenses (fees are time, fixed-fee and ad-hoc lines);</li>
 * <li>discount = fees × discount % — a discount never applies to expenses (disbursements), rounded
 *     once, half-up;</li>
 * <li>tax = (fees − discount + taxable expenses) × tax rate %, rounded once on the invoice, half-up
 *     (invoice-level rounding, as UK VAT and most sales-tax regimes allow);</li>
 * <li>total = subtotal − discount + tax.</li>
 * </ol>
 */
public final class InvoiceTotals {

    public record Line(LineKind kind, Money amount, boolean taxable) {
    }

    public record Totals(Money fees, Money expenses, Money subtotal, Money discount, Money tax, Money total) {
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private InvoiceTotals() {
    }

    public static Totals of(List<Line> lines, BigDecimal discountPercent, BigDecimal taxRatePercent, String currency) {
        requirePercent(discountPercent, "Discount");
        requirePercent(taxRatePercent, "Tax rate");
        Money fees = Money.zero(currency);
        Money expenses = Money.zero(currency);
        Money taxableExpenses = Money.zero(currency);
        for (Line line : lines) {
            if (line.kind().isFee()) {
                fees = fees.plus(line.amount());
            } else {
                expenses = expenses.plus(line.amount());
                if (line.taxable()) {
                    taxableExpenses = taxableExpenses.plus(line.amount());
                }
            }
        }
        Money discount = fees.times(discountPercent.divide(HUNDRED));
        Money taxBase = fees.minus(discount).plus(taxableExpenses);
        Money tax = taxBase.times(taxRatePercent.divide(HUNDRED));
        Money subtotal = fees.plus(expenses);
        return new Totals(fees, expenses, subtotal, discount, tax, subtotal.minus(discount).plus(tax));
    }

    private static void requirePercent(BigDecimal percent, String what) {
        if (percent.signum() < 0 || percent.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException(what + " must be between 0 and 100 %, not " + percent.toPlainString());
        }
    }
}
