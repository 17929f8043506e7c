package org.quittance.billing.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.quittance.money.Money;
import org.quittance.security.entity.Roles;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Billing > Review: final invoices waiting to be published, filtered and paged in the database. */
@RolesAllowed({Roles.ADMIN, Roles.BILLING})
@Stateless
public class Review {

    public record Filter(String client, String matter, LocalDate from, LocalDate to, BigDecimal minAmount, BigDecimal maxAmount) {
        public static Filter none() {
            return new Filter(null, null, null, null, null, null);
        }
    }

    public record Row(Long id, String number, String client, boolean clientPortalInvoices, String matter, LocalDate issueDate,
                      LocalDate dueDate, Money total, java.time.OffsetDateTime postedAt) implements java.io.Serializable {
    }

    @PersistenceContext
    EntityManager em;

    public List<Row> finalInvoices(Filter filter, int first, int pageSize) {
        TypedQuery<Object[]> query = em.createQuery("""
                SELECT i.id, i.number, c.name, c.portalInvoices, m.number, i.issueDate, i.dueDate, i.total, i.currency, i.postedAt
                FROM Invoice i JOIN i.matter m JOIN m.client c""" + where(filter) + " ORDER BY i.issueDate, i.number", Object[].class);
        bind(query, filter);
        return query.setFirstResult(first).setMaxResults(pageSize).getResultStream().map(Review::toRow).toList();
    }

    private static Row toRow(Object[] r) {
        return new Row((Long) r[0], (String) r[1], (String) r[2], (Boolean) r[3], (String) r[4], (LocalDate) r[5],
                (LocalDate) r[6], Money.of((BigDecimal) r[7], (String) r[8]), (java.time.OffsetDateTime) r[9]);
    }

    /** One final invoice as a row (for a selection made on the screen), or null. */
    public Row row(long invoiceId) {
        return em.createQuery("""
                        SELECT i.id, i.number, c.name, c.portalInvoices, m.number, i.issueDate, i.dueDate, i.total, i.currency, i.postedAt
                        FROM Invoice i JOIN i.matter m JOIN m.client c
                        WHERE i.id = :id AND i.state = org.quittance.billing.entity.InvoiceState.FINAL""", Object[].class)
                .setParameter("id", invoiceId)
                .getResultStream()
                .map(Review::toRow)
                .findFirst().orElse(null);
    }

    public long count(Filter filter) {
        TypedQuery<Long> query = em.createQuery("SELECT COUNT(i) FROM Invoice i JOIN i.matter m JOIN m.client c" + where(filter), Long.class);
        bind(query, filter);
        return query.getSingleResult();
    }

    /** Ids of every invoice the filter shows, for "select all pages". */
    public List<Long> ids(Filter filter) {
        TypedQuery<Long> query = em.createQuery("SELECT i.id FROM Invoice i JOIN i.matter m JOIN m.client c" + where(filter), Long.class);
        bind(query, filter);
        return query.getResultList();
    }

    private static String where(Filter f) {
        List<String> conditions = new ArrayList<>(List.of("i.state = org.quittance.billing.entity.InvoiceState.FINAL"));
        if (present(f.client())) conditions.add("LOWER(c.name) LIKE :client");
        if (present(f.matter())) conditions.add("LOWER(m.number) LIKE :matter");
        if (f.from() != null) conditions.add("i.issueDate >= :from");
        if (f.to() != null) conditions.add("i.issueDate <= :to");
        if (f.minAmount() != null) conditions.add("i.total >= :min");
        if (f.maxAmount() != null) conditions.add("i.total <= :max");
        return " WHERE " + String.join(" AND ", conditions);
    }

    private static void bind(TypedQuery<?> query, Filter f) {
        Map<String, Object> params = new HashMap<>();
        if (present(f.client())) params.put("client", "%" + f.client().trim().toLowerCase() + "%");
        if (present(f.matter())) params.put("matter", "%" + f.matter().trim().toLowerCase() + "%");
        if (f.from() != null) params.put("from", f.from());
        if (f.to() != null) params.put("to", f.to());
        if (f.minAmount() != null) params.put("min", f.minAmount());
        if (f.maxAmount() != null) params.put("max", f.maxAmount());
        params.forEach(query::setParameter);
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
