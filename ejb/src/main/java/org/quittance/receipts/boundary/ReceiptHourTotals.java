package org.quittance.receipts.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Folds the changes to accepted receipts into their hourly totals (V27), so that Reports sums a few
 * thousand totals and not every change since the start. Exact at any time either way; this keeps it fast.
 */
@Stateless
@PermitAll
public class ReceiptHourTotals {

    /** Changes folded per transaction: about a second of work, the run repeats while there are more. */
    static final int PER_TRANSACTION = 50_000;

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext context;

    @Schedule(hour = "*", minute = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void compact() {
        ReceiptHourTotals self = context.getBusinessObject(ReceiptHourTotals.class);
        for (int run = 0; run < 20 && self.fold() == PER_TRANSACTION; run++) {
            // an import that accepted on its own leaves more than one transaction's worth
        }
    }

    /** @return how many changes it folded */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int fold() {
        return ((Number) em.createNativeQuery("SELECT compact_receipt_hours(?)").setParameter(1, PER_TRANSACTION).getSingleResult()).intValue();
    }
}
