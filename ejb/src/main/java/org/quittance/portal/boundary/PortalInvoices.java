package org.quittance.portal.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotBlank;
import org.quittance.billing.entity.InvoiceState;
import org.quittance.billing.entity.PublishedInvoice;
import org.quittance.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The published invoices a signed-in portal user may see: those of the matters it receives invoices
 * for, and nothing else. Every query takes the user's login, so an id guessed from another client
 * finds nothing.
 */
@Stateless
public class PortalInvoices {

    /** One invoice as the client's list shows it. */
    public record Row(Long invoiceId, String number, String matter, LocalDate issueDate, LocalDate dueDate, Money total,
                      Money balance, InvoiceState state, boolean superseded) {

        public boolean open() {
            return !superseded && (state == InvoiceState.PUBLISHED || state == InvoiceState.PARTLY_PAID);
        }

        public boolean paid() {
            return state == InvoiceState.PAID;
        }

        public boolean overdue() {
            return open() && dueDate.isBefore(LocalDate.now());
        }
    }

    private static final String VISIBLE = """
            p.matterId IN (SELECT m.id FROM Matter m JOIN m.recipients u
                           WHERE u.email = :login AND u.state = org.quittance.portal.entity.PortalUserState.REGISTERED)""";

    @PersistenceContext
    EntityManager em;

    public List<Row> rows(@NotBlank String login) {
        return em.createQuery("""
                        SELECT p.invoiceId, p.number, mt.number, p.issueDate, p.dueDate, i.total, i.balanceDue, i.currency, i.state, p.supersededBy
                        FROM PublishedInvoice p, Invoice i, Matter mt
                        WHERE i.id = p.invoiceId AND mt.id = p.matterId AND\s""" + VISIBLE + " ORDER BY p.dueDate, p.number", Object[].class)
                .setParameter("login", login.toLowerCase(Locale.ROOT))
                .getResultStream()
                .map(r -> new Row((Long) r[0], (String) r[1], (String) r[2], (LocalDate) r[3], (LocalDate) r[4],
                        Money.of((BigDecimal) r[5], (String) r[7]), Money.of((BigDecimal) r[6], (String) r[7]),
                        (InvoiceState) r[8], r[9] != null))
                .toList();
    }

    /** The Balance Due box: open balances per currency (a client billed in two currencies sees two). */
    public static Map<String, Money> balanceDue(List<Row> rows) {
        Map<String, Money> due = new TreeMap<>();
        rows.stream().filter(Row::open).forEach(r -> due.merge(r.balance().currency(), r.balance(), Money::plus));
        return due;
    }

    /** The published version of an invoice, if this user may see it. */
    public Optional<PublishedInvoice> invoice(@NotBlank String login, long invoiceId) {
        return em.createQuery("SELECT p FROM PublishedInvoice p WHERE p.invoiceId = :id AND " + VISIBLE, PublishedInvoice.class)
                .setParameter("id", invoiceId)
                .setParameter("login", login.toLowerCase(Locale.ROOT))
                .getResultStream().findFirst();
    }
}
