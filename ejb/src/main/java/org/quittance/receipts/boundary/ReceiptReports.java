package org.quittance.receipts.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import org.quittance.money.Money;
import org.quittance.platform.control.SqlValues;
import org.quittance.receipts.control.ReceiptHours;
import org.quittance.security.entity.Roles;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/** What came in: receipts on the books by month, source and currency, with the processor's fees and what was refunded. */
@RolesAllowed({Roles.ADMIN, Roles.BILLING})
@Stateless
public class ReceiptReports {

    /** @param source PROCESSOR (card payments in the portal), BANK (bank statement), MANUAL (entered by staff) */
    public record Period(String month, String source, long receipts, Money gross, Money fees, Money net, Money refunded) implements java.io.Serializable {
    }

    @PersistenceContext
    EntityManager em;

    /** Receipts on the books (accepted) received in [from, to], newest month first. */
    public List<Period> byMonth(@NotNull LocalDate from, @NotNull LocalDate to) {
        ZoneId zone = ZoneId.systemDefault();
        OffsetDateTime start = from.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime end = to.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        if (!end.isAfter(start)) {
            return List.of();
        }
        // The hourly totals and the changes not yet folded into them are exact at every moment (V27).
        boolean hourly = ReceiptHours.serve(zone, start.toInstant(), end.toInstant());
        jakarta.persistence.Query query = em.createNativeQuery(hourly ? """
                        SELECT to_char(hour AT TIME ZONE ?1, 'YYYY-MM'), source, currency, SUM(receipts), SUM(gross), SUM(fees), SUM(net), SUM(refunded)
                        FROM (SELECT hour, source, currency, receipts, gross, fees, net, refunded FROM receipt_hour_total
                              WHERE hour >= ?2 AND hour < ?3
                              UNION ALL
                              SELECT hour, source, currency, receipts, gross, fees, net, refunded FROM receipt_hour_change
                              WHERE hour >= ?2 AND hour < ?3) h
                        GROUP BY 1, 2, 3 HAVING SUM(receipts) <> 0 ORDER BY 1 DESC, 2, 3""" : """
                        SELECT to_char(received_at AT TIME ZONE ?1, 'YYYY-MM'), source, currency, COUNT(*), SUM(gross),
                               SUM(COALESCE(fee, 0)), SUM(COALESCE(net, gross)), SUM(refunded)
                        FROM receipt WHERE state = 'ACCEPTED' AND received_at >= ?2 AND received_at < ?3
                        GROUP BY 1, 2, 3 ORDER BY 1 DESC, 2, 3""");
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.setParameter(1, zone.getId()).setParameter(2, start).setParameter(3, end).getResultList();
        return rows.stream().map(r -> {
            String currency = ((String) r[2]).trim();
            return new Period((String) r[0], (String) r[1], ((Number) r[3]).longValue(), SqlValues.money(r[4], currency), SqlValues.money(r[5], currency),
                    SqlValues.money(r[6], currency), SqlValues.money(r[7], currency));
        }).toList();
    }
}
