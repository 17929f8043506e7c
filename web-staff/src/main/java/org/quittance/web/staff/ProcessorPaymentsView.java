package org.quittance.web.staff;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.quittance.payments.boundary.ProcessorPayments;

import java.util.List;

/** Card payments as the processor reported them, newest first, with their state. */
@Named
@RequestScoped
public class ProcessorPaymentsView {

    @EJB
    ProcessorPayments payments;

    private List<ProcessorPayments.Listed> rows;
    private List<org.quittance.payments.control.NotificationRecords.Conflict> conflicts;

    public List<ProcessorPayments.Listed> getRows() {
        if (rows == null) {
            rows = payments.recent(500);
        }
        return rows;
    }

    public List<org.quittance.payments.control.NotificationRecords.Conflict> getConflicts() {
        if (conflicts == null) {
            conflicts = payments.conflicts(100);
        }
        return conflicts;
    }
}
