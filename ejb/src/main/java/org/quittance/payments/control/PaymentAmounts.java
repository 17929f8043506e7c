package org.quittance.payments.control;

import org.quittance.billing.control.OldestDueFirst;
import org.quittance.billing.control.OpenInvoice;
import org.quittance.money.Money;
import org.quittance.platform.control.Formats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How much a client may pay in the portal: the full balance is always allowed; a part only where the
 * firm allows part payments, and then not below the firm's minimum (unless it clears the balance);
 * never more than the balance. Several invoices paid together get the amount oldest-due first.
 */
public final class PaymentAmounts {

    /** @param minimum the smallest part payment, or null for none */
    public record Policy(boolean partialAllowed, Money minimum) {
    }

    private PaymentAmounts() {
    }

    /** @return why this amount cannot be paid on this invoice, in the firm's formats, or null when it can */
    public static String refusal(OpenInvoice invoice, Money amount, Policy policy, Formats formats) {
        if (!amount.currency().equals(invoice.balance().currency())) {
            return "Invoice " + invoice.number() + " is in " + invoice.balance().currency() + ", not " + amount.currency() + ".";
        }
        if (!amount.isPositive()) {
            return "Enter an amount above zero for invoice " + invoice.number() + ".";
        }
        int vsBalance = amount.compareTo(invoice.balance());
        if (vsBalance > 0) {
            return "You can pay at most the balance of " + formats.money(invoice.balance()) + " on invoice " + invoice.number() + ".";
        }
        if (vsBalance == 0) {
            return null;
        }
        if (!policy.partialAllowed()) {
            return "Invoice " + invoice.number() + " must be paid in full (" + formats.money(invoice.balance()) + ").";
        }
        if (policy.minimum() != null && amount.compareTo(policy.minimum()) < 0) {
            return "A part payment must be at least " + formats.money(policy.minimum()) + ".";
        }
        return null;
    }

    /** The refusals for a whole selection, in invoice order; empty when everything may be paid. */
    public static List<String> refusals(Map<OpenInvoice, Money> amounts, Policy policy, Formats formats) {
        List<String> reasons = new ArrayList<>();
        amounts.forEach((invoice, amount) -> {
            String reason = refusal(invoice, amount, policy, formats);
            if (reason != null) {
                reasons.add(reason);
            }
        });
        return reasons;
    }

    /**
     * Spreads one amount over several invoices, oldest due date first, each up to its balance.
     * @throws IllegalArgumentException when the amount is not positive or exceeds the total balance
     */
    public static Map<OpenInvoice, Money> spread(Money total, List<OpenInvoice> invoices, Formats formats) {
        if (!total.isPositive()) {
            throw new IllegalArgumentException("Enter an amount above zero.");
        }
        Money open = invoices.stream().map(OpenInvoice::balance).reduce(Money.zero(total.currency()), Money::plus);
        if (total.compareTo(open) > 0) {
            throw new IllegalArgumentException("You can pay at most the total balance of " + formats.money(open) + ".");
        }
        return OldestDueFirst.spread(total, invoices);
    }
}
