package org.quittance.billing.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.quittance.firm.control.InvoiceNumberFormat;

import java.time.LocalDate;

/**
 * Gap-free invoice numbers. The counter row of the period is incremented in the caller's (finalising)
 * transaction and stays locked until it commits: a concurrent finalisation waits, and a rollback
 * gives the number back. A database sequence would be faster but leaves gaps, which tax
 * authorities ask about.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class InvoiceNumbers {

    @PersistenceContext
    EntityManager em;

    public String next(InvoiceNumberFormat format, LocalDate issueDate) {
        Number value = (Number) em.createNativeQuery("""
                        INSERT INTO invoice_counter (period, last_value) VALUES (?, 1)
                        ON CONFLICT (period) DO UPDATE SET last_value = invoice_counter.last_value + 1
                        RETURNING last_value""")
                .setParameter(1, format.period(issueDate))
                .getSingleResult();
        return format.format(issueDate, value.longValue());
    }
}
