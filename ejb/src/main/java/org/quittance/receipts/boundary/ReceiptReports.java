package org.quittance.receipts.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import org.quittance.money.Money;
import org.quittance.platform.control.SqlValues;
import org.quittance.security.entity.Roles;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** What came in: receipts on the books by month, source and currency, with the processor's fees and what was refunded. */
@RolesAllowed({Roles.ADMIN, Roles.BILLING})
@Stateless
public class ReceiptReports {

    /** @param source PROCESSOR (card payments in the portal), BANK (bank statement), MANUAL (entered by staff) */
    public record Period(String month, String source, long receipts, Money gross, Money fees, Money net, Money refunded) {
    }

    @PersistenceContext
    EntityManager em;

    /** Receipts on the books (accepted) received in [from, to], newest month first. */
    public List<Period> byMonth(@NotNull LocalDate from, @NotNull LocalDate to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT to_char(received_at AT TIME ZONE ?, 'YYYY-MM'), source, currency, COUNT(*), SUM(gross),
                               SUM(COALESCE(fee, 0)), SUM(COALESCE(net, gross)), SUM(refunded)
                        FROM receipt WHERE state = 'ACCEPTED' AND received_at >= ? AND received_at < ?
                        GROUP BY 1, 2, 3 ORDER BY 1 DESC, 2, 3""")
                .setParameter(1, ZoneId.systemDefault().getId())
                .setParameter(2, from.atStartOfDay(ZoneId.systemDefault()).toOffsetDateTime())
                .setParameter(3, to.plusDays(1).atStartOfDay(ZoneId.systemDefault()).toOffsetDateTime())
                .getResultList();
        return rows.stream().map(r -> {
            String currency = ((String) r[2]).trim();
            return new Period((String) r[0], (String) r[1], ((Number) r[3]).longValue(), SqlValues.money(r[4], currency), SqlValues.money(r[5], currency),
                    SqlValues.money(r[6], currency), SqlValues.money(r[7], currency));
        }).toList();
    }
}
