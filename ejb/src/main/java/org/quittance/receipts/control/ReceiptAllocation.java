package org.quittance.receipts.control;

import org.quittance.billing.control.OpenInvoice;
import org.quittance.money.Money;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a receipt's money goes onto invoices. A receipt may pay less than an invoice's balance (the
 * rest stays open), and more than all of them (the rest becomes the client's unapplied credit);
 * it never pays an invoice more than its balance.
 */
public final class ReceiptAllocation {

    private ReceiptAllocation() {
    }

    /** The amount spread oldest due first (then by number), each invoice up to its balance. */
    public static Split oldestDueFirst(Money amount, List<OpenInvoice> invoices) {
        Map<Long, Money> parts = new LinkedHashMap<>();
        Money left = amount;
        for (Map.Entry<OpenInvoice, Money> part : org.quittance.billing.control.OldestDueFirst.spread(amount, invoices).entrySet()) {
            parts.put(part.getKey().invoiceId(), part.getValue());
            left = left.minus(part.getValue());
        }
        return new Split(parts, left);
    }

    /**
     * A split chosen by staff or named by the portal checkout, held to the invoices' balances as they
     * are now: a part above an invoice's balance is cut to it (the invoice was paid meanwhile), and
     * whatever the receipt does not place is unapplied credit.
     * @throws IllegalArgumentException when the parts add up to more than the receipt
     */
    public static Split asChosen(Money amount, Map<Long, Money> chosen, Map<Long, OpenInvoice> open) {
        Money total = chosen.values().stream().reduce(Money.zero(amount.currency()), Money::plus);
        if (total.compareTo(amount) > 0) {
            throw new IllegalArgumentException("The split (" + total + ") is more than the receipt (" + amount + ")");
        }
        Map<Long, Money> parts = new LinkedHashMap<>();
        Money placed = Money.zero(amount.currency());
        for (Map.Entry<Long, Money> wanted : chosen.entrySet()) {
            OpenInvoice invoice = open.get(wanted.getKey());
            if (invoice == null || !wanted.getValue().isPositive()) {
                continue;
            }
            requireSameCurrency(amount, invoice);
            Money part = wanted.getValue().compareTo(invoice.balance()) <= 0 ? wanted.getValue() : invoice.balance();
            if (part.isPositive()) {
                parts.put(invoice.invoiceId(), part);
                placed = placed.plus(part);
            }
        }
        return new Split(parts, amount.minus(placed));
    }

    private static void requireSameCurrency(Money amount, OpenInvoice invoice) {
        if (!invoice.balance().currency().equals(amount.currency())) {
            throw new IllegalArgumentException("Invoice " + invoice.number() + " is in " + invoice.balance().currency()
                    + "; the receipt is in " + amount.currency());
        }
    }

    /**
     * Where money that goes back to the client (a refund) comes from: the receipt's unapplied credit
     * first, then its invoices, the newest (highest id) first, so that the oldest invoices stay paid.
     * @param applied the receipt's parts on invoices
     * @return the parts to take back; their sum is {@code amount} or, when the receipt holds less, all it holds
     */
    public static Split takeBack(Money amount, Map<Long, Money> applied, Money credit) {
        Money fromCredit = amount.compareTo(credit) < 0 ? amount : credit;
        Money left = amount.minus(fromCredit);
        List<Map.Entry<Long, Money>> lastFirst = new ArrayList<>(applied.entrySet());
        lastFirst.sort(Map.Entry.<Long, Money>comparingByKey().reversed());
        Map<Long, Money> parts = new LinkedHashMap<>();
        for (Map.Entry<Long, Money> part : lastFirst) {
            if (!left.isPositive()) {
                break;
            }
            Money taken = left.compareTo(part.getValue()) < 0 ? left : part.getValue();
            parts.put(part.getKey(), taken);
            left = left.minus(taken);
        }
        return new Split(parts, fromCredit);
    }
}
