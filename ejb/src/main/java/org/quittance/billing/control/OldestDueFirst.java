package org.quittance.billing.control;

import org.quittance.money.Money;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Money spread over open invoices the oldest due first (then by number; an invoice without a due
 * date last), each up to its balance: the one allocation of the portal's "Spread oldest due first"
 * and of a receipt that names no invoice.
 */
public final class OldestDueFirst {

    private static final Comparator<OpenInvoice> ORDER = Comparator.comparing(OpenInvoice::dueDate, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(OpenInvoice::number, Comparator.nullsLast(Comparator.naturalOrder()));

    private OldestDueFirst() {
    }

    /** @return each invoice's part, in the order paid; what is left over is the amount less their sum */
    public static Map<OpenInvoice, Money> spread(Money amount, List<OpenInvoice> invoices) {
        List<OpenInvoice> oldestFirst = new ArrayList<>(invoices);
        oldestFirst.sort(ORDER);
        Map<OpenInvoice, Money> parts = new LinkedHashMap<>();
        Money left = amount;
        for (OpenInvoice invoice : oldestFirst) {
            if (!left.isPositive()) {
                break;
            }
            if (!invoice.balance().currency().equals(amount.currency())) {
                throw new IllegalArgumentException("Invoice " + invoice.number() + " is in " + invoice.balance().currency()
                        + "; the amount is in " + amount.currency());
            }
            Money part = left.compareTo(invoice.balance()) < 0 ? left : invoice.balance();
            if (part.isPositive()) {
                parts.put(invoice, part);
                left = left.minus(part);
            }
        }
        return parts;
    }
}
