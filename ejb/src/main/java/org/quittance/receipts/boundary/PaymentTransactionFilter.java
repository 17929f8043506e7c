package org.quittance.receipts.boundary;

import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import org.quittance.payments.processor.SettledTransaction;

import java.util.Set;

/**
 * Lets through the transactions that are money a client paid (charges and payments). Refunds,
 * disputes and payouts are not receipts: their events change the receipts they concern.
 */
@Named
@Dependent
public class PaymentTransactionFilter implements ItemProcessor {

    private static final Set<String> PAYMENTS = Set.of("charge", "payment");

    @Override
    public Object processItem(Object item) {
        SettledTransaction transaction = (SettledTransaction) item;
        return isPayment(transaction) ? transaction : null;
    }

    /** Money a client paid: what becomes a receipt. */
    public static boolean isPayment(SettledTransaction transaction) {
        return PAYMENTS.contains(transaction.type()) && transaction.gross().isPositive();
    }
}
