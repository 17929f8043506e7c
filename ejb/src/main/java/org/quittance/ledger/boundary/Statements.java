package org.quittance.ledger.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.quittance.clients.entity.Client;
import org.quittance.firm.boundary.FirmSettings;
import org.quittance.firm.entity.Firm;
import org.quittance.ledger.control.AgeBand;
import org.quittance.ledger.control.Statement;
import org.quittance.ledger.control.StatementPdf;
import org.quittance.ledger.entity.EntryKind;
import org.quittance.money.Money;
import org.quittance.platform.control.RuleViolation;
import org.quittance.platform.control.SqlValues;
import org.quittance.portal.boundary.PortalInvoices;
import org.quittance.security.entity.Roles;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Statements of account, from the ledger: staff's of a whole client, and the portal's of the matters
 * whose invoices the signed-in user receives (with the client's credit), for any period of days in the
 * server's time zone, as the Ledgers screen dates its entries.
 */
@RolesAllowed({Roles.ADMIN, Roles.BILLING})
@Stateless
public class Statements {

    /**
     * The earliest day a statement may start: with the latest (a year from now), the bounds of a period
     * before any query. Its length costs nothing by itself: the queries read one client's entries.
     */
    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    /** A month as a request names it ("2026-11"), bounded: this century, not after this month; empty otherwise. */
    public static Optional<java.time.YearMonth> month(String asked) {
        if (asked == null || !asked.matches("20\\d\\d-(0[1-9]|1[0-2])")) {
            return Optional.empty();
        }
        java.time.YearMonth month = java.time.YearMonth.parse(asked);
        return month.isAfter(java.time.YearMonth.now()) ? Optional.empty() : Optional.of(month);
    }

    /** The last day a month's statement covers: the month's end, or today for this month. */
    public static LocalDate lastDay(java.time.YearMonth month) {
        return month.equals(java.time.YearMonth.now()) ? LocalDate.now() : month.atEndOfMonth();
    }

    @PersistenceContext
    EntityManager em;

    @EJB
    FirmSettings firmSettings;

    public Statement ofClient(@NotNull Long clientId, @NotNull LocalDate from, @NotNull LocalDate to) {
        Client client = em.find(Client.class, clientId);
        if (client == null) {
            throw new RuleViolation("No such client.");
        }
        return statement(client, from, to, "");
    }

    public byte[] pdfOfClient(@NotNull Long clientId, @NotNull LocalDate from, @NotNull LocalDate to) {
        Firm firm = firmSettings.firm();
        return StatementPdf.render(ofClient(clientId, from, to), firm.formats(), firm.logo(), firm.address());
    }

    /**
     * The statement a portal user may see: of a client the login serves, over the matters whose invoices
     * it receives; empty for any other client, as if it did not exist.
     */
    @PermitAll
    public Optional<Statement> forPortal(@NotBlank String login, @NotNull Long clientId, @NotNull LocalDate from, @NotNull LocalDate to) {
        Client client = em.find(Client.class, clientId);
        return client == null ? Optional.empty() : portalScope(login, clientId).map(scope -> statement(client, from, to, scope));
    }

    /** The day of the first entry a portal user can see on the client's statements (none: nothing to state yet). */
    @PermitAll
    public Optional<LocalDate> firstDayForPortal(@NotBlank String login, @NotNull Long clientId) {
        return portalScope(login, clientId).flatMap(scope -> {
            Object first = em.createNativeQuery("SELECT min(e.posted_at) FROM ledger_entry e WHERE e.client_id = ?1" + scope)
                    .setParameter(1, clientId).getSingleResult();
            return Optional.ofNullable(SqlValues.timestamp(first)).map(t -> t.atZoneSameInstant(ZoneId.systemDefault()).toLocalDate());
        });
    }

    /**
     * The entries of the client's ledger a portal login may see, as a condition on {@code e}: those of the
     * matters whose invoices it receives and the client's own (its credit). Empty if the login does not
     * serve the client.
     */
    private Optional<String> portalScope(String login, long clientId) {
        String user = login.toLowerCase(Locale.ROOT);
        if (em.createQuery("SELECT COUNT(c) FROM Contact c WHERE c.client.id = :client AND c.portalUser.email = :login"
                        + " AND c.portalUser.state = org.quittance.portal.entity.PortalUserState.REGISTERED", Long.class)
                .setParameter("client", clientId).setParameter("login", user).getSingleResult() == 0) {
            return Optional.empty();
        }
        List<Long> matters = em.createQuery("SELECT m.id FROM Matter m WHERE m.client.id = :client AND m.id IN "
                        + PortalInvoices.MATTERS_OF_LOGIN, Long.class)
                .setParameter("client", clientId).setParameter("login", user).getResultList();
        // Ids from the database, written into the query: no text from the request reaches it.
        return Optional.of(" AND (e.matter_id IS NULL" + (matters.isEmpty() ? ")"
                : " OR e.matter_id IN (" + matters.stream().map(String::valueOf).collect(Collectors.joining(", ")) + "))"));
    }

    @PermitAll
    public Optional<byte[]> pdfForPortal(@NotBlank String login, @NotNull Long clientId, @NotNull LocalDate from, @NotNull LocalDate to) {
        Firm firm = firmSettings.firm();
        return forPortal(login, clientId, from, to).map(s -> StatementPdf.render(s, firm.formats(), firm.logo(), firm.address()));
    }

    private Statement statement(Client client, LocalDate from, LocalDate to, String scope) {
        if (from.isBefore(EARLIEST) || to.isBefore(from) || to.isAfter(LocalDate.now().plusYears(1))) {
            throw new RuleViolation("Choose a period between " + EARLIEST + " and a year from now, its end not before its start.");
        }
        ZoneId zone = ZoneId.systemDefault();
        OffsetDateTime start = from.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime end = to.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        long id = client.id();

        Map<String, Money> opening = sums("SELECT e.currency, SUM(e.amount) FROM ledger_entry e WHERE e.client_id = ?1 AND e.posted_at < ?2"
                + scope + " GROUP BY e.currency", id, start);
        Map<String, Money> credit = new TreeMap<>();
        sums("SELECT e.currency, SUM(e.amount) FROM ledger_entry e WHERE e.client_id = ?1 AND e.matter_id IS NULL AND e.posted_at < ?2"
                + " GROUP BY e.currency", id, end).forEach((c, sum) -> credit.put(c, sum.negate()));

        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT e.posted_at, e.kind, e.description, i.number, e.currency, e.amount
                        FROM ledger_entry e LEFT JOIN invoice i ON i.id = e.invoice_id
                        WHERE e.client_id = ?1 AND e.posted_at >= ?2 AND e.posted_at < ?3""" + scope + " ORDER BY e.posted_at, e.id")
                .setParameter(1, id).setParameter(2, start).setParameter(3, end).getResultList();
        Map<String, List<Statement.Entry>> entries = new TreeMap<>();
        for (Object[] r : rows) {
            String currency = ((String) r[4]).trim();
            entries.computeIfAbsent(currency, c -> new ArrayList<>()).add(new Statement.Entry(
                    SqlValues.timestamp(r[0]).atZoneSameInstant(zone).toLocalDate(), EntryKind.valueOf((String) r[1]), (String) r[2],
                    (String) r[3], SqlValues.money(r[5], currency)));
        }

        // What each invoice still owed at the end, by its age on the last day: the A/R aging's bands.
        StringBuilder bands = new StringBuilder();
        for (AgeBand band : AgeBand.values()) {
            bands.append(", ").append(band.sum("(CAST(?3 AS date) - i.issue_date)", "o.owed"));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> aged = em.createNativeQuery("SELECT i.currency" + bands
                        + " FROM (SELECT e.invoice_id, SUM(e.amount) AS owed FROM ledger_entry e"
                        + " WHERE e.client_id = ?1 AND e.invoice_id IS NOT NULL AND e.posted_at < ?2" + scope
                        + " GROUP BY e.invoice_id HAVING SUM(e.amount) > 0) o JOIN invoice i ON i.id = o.invoice_id GROUP BY i.currency")
                .setParameter(1, id).setParameter(2, end).setParameter(3, to).getResultList();
        Map<String, Map<AgeBand, Money>> open = new TreeMap<>();
        for (Object[] r : aged) {
            String currency = ((String) r[0]).trim();
            Map<AgeBand, Money> byBand = new EnumMap<>(AgeBand.class);
            for (AgeBand band : AgeBand.values()) {
                byBand.put(band, SqlValues.money(r[1 + band.ordinal()], currency));
            }
            open.put(currency, byBand);
        }

        TreeSet<String> currencies = new TreeSet<>(opening.keySet());
        currencies.addAll(entries.keySet());
        currencies.addAll(open.keySet());
        currencies.addAll(credit.keySet());
        List<Statement.Account> accounts = new ArrayList<>();
        for (String currency : currencies) {
            Statement.Account account = Statement.Account.of(currency, opening.getOrDefault(currency, Money.zero(currency)),
                    entries.getOrDefault(currency, List.of()), open.getOrDefault(currency, Map.of()), credit.getOrDefault(currency, Money.zero(currency)));
            // A currency the client never moved in the period and that ends at nothing has nothing to say.
            if (!account.lines().isEmpty() || !account.opening().isZero() || !account.closing().isZero() || !account.credit().isZero()) {
                accounts.add(account);
            }
        }
        return new Statement(firmSettings.firm().name(), client.name(), client.address(), from, to, List.copyOf(accounts));
    }

    private Map<String, Money> sums(String sql, long clientId, OffsetDateTime before) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql).setParameter(1, clientId).setParameter(2, before).getResultList();
        Map<String, Money> sums = new TreeMap<>();
        rows.forEach(r -> sums.put(((String) r[0]).trim(), SqlValues.money(r[1], ((String) r[0]).trim())));
        return sums;
    }
}
