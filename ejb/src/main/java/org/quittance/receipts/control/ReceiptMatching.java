package org.quittance.receipts.control;

import org.quittance.billing.control.OpenInvoice;
import org.quittance.billing.entity.InvoiceState;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Finds the open invoices a receipt may pay and lets {@link ReceiptMatcher} decide. */
@Stateless
public class ReceiptMatching {

    /** The most candidates a receipt's matching considers (what names the payment first). */
    static final int CANDIDATES = 500;

    @PersistenceContext
    EntityManager em;

    public ReceiptMatch match(ReceiptMatcher.Facts facts) {
        return matchAll(List.of(facts)).get(0);
    }

    /**
     * The matches of several receipts, in their order, with one query for all their candidates (an
     * import's chunk: one query a receipt held the import to about 1,300 a second). Each receipt is
     * matched against the invoices as they are now: a caller that changes balances between receipts
     * (an auto-apply) matches the next ones again.
     */
    public List<ReceiptMatch> matchAll(List<ReceiptMatcher.Facts> receipts) {
        List<Asked> asked = receipts.stream().map(Asked::new).toList();
        Found found = new Found(candidates(asked));
        return asked.stream().map(a -> ReceiptMatcher.match(a.facts, found.of(a))).toList();
    }

    /** A receipt's facts with the invoice numbers its text may name. */
    private record Asked(ReceiptMatcher.Facts facts, Set<String> mentioned) {
        Asked(ReceiptMatcher.Facts facts) {
            this(facts, ReceiptMatcher.mentionable(facts.text()));
        }

        String currency() {
            return facts.gross().currency();
        }
    }

    /**
     * Every open invoice that any of the receipts may mean, oldest due first: the invoices the
     * checkouts named, the clients' open ones, the ones the texts name and the ones open for exactly a
     * receipt's amount. Each arm goes through its own index (a large firm has tens of thousands of
     * open invoices, and testing each against the text took 20-60 ms a receipt); a client's and an
     * amount's arms stop at the number a receipt considers, which is all any one receipt can use.
     */
    private List<OpenInvoice> candidates(List<Asked> asked) {
        Set<String> named = new LinkedHashSet<>();
        Set<String> clients = new LinkedHashSet<>();
        Set<String> mentioned = new LinkedHashSet<>();
        Set<String> amounts = new LinkedHashSet<>();
        for (Asked a : asked) {
            a.facts.named().keySet().forEach(id -> named.add(String.valueOf(id)));
            if (a.facts.clientId() != null) {
                clients.add(a.facts.clientId() + ":" + a.currency());
            }
            mentioned.addAll(a.mentioned);
            amounts.add(a.facts.gross().amount().toPlainString() + ":" + a.currency());
        }
        // Lists travel as one text each (split again by PostgreSQL): a chunk's pieces of text could
        // exceed the bind parameters a statement may have. chr(31) cannot occur in a mentioned piece.
        String sql = "SELECT " + OpenInvoice.COLUMNS + """

                FROM invoice i JOIN matter m ON m.id = i.matter_id
                WHERE i.id IN (
                    SELECT id FROM invoice WHERE id = ANY (string_to_array(?, ',')::bigint[])
                    UNION SELECT c.id FROM (SELECT split_part(k, ':', 1)::bigint AS client, split_part(k, ':', 2) AS currency
                                            FROM unnest(string_to_array(?, ',')) AS k) AS asked
                          CROSS JOIN LATERAL (SELECT x.id FROM invoice x JOIN matter xm ON xm.id = x.matter_id
                                              WHERE xm.client_id = asked.client AND x.currency = asked.currency AND x.state IN (%1$s)
                                              ORDER BY x.due_date, x.number LIMIT %2$d) AS c
                    UNION SELECT id FROM invoice WHERE upper(number) = ANY (string_to_array(?, chr(31)))
                    UNION SELECT b.id FROM (SELECT split_part(k, ':', 1)::numeric AS amount, split_part(k, ':', 2) AS currency
                                            FROM unnest(string_to_array(?, ',')) AS k) AS asked
                          CROSS JOIN LATERAL (SELECT x.id FROM invoice x
                                              WHERE x.balance_due = asked.amount AND x.currency = asked.currency AND x.state IN (%1$s)
                                              ORDER BY x.due_date, x.number LIMIT %2$d) AS b)
                AND i.state IN (%1$s)
                ORDER BY i.due_date, i.number""".formatted(InvoiceState.PAYABLE_SQL, CANDIDATES);
        // Reads invoices only, which a caller writing receipts has flushed: the receipts it has not
        // yet written may wait (ReceiptIntake.recordAll writes a chunk's together).
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql).setFlushMode(FlushModeType.COMMIT)
                .setParameter(1, String.join(",", named)).setParameter(2, String.join(",", clients))
                .setParameter(3, String.join("\u001f", mentioned)).setParameter(4, String.join(",", amounts))
                .getResultList();
        return rows.stream().map(OpenInvoice::of).toList();
    }

    /** The candidates found for all, sorted out for each receipt. */
    private static final class Found {
        private final Map<Long, Integer> position = new HashMap<>();
        private final Map<Long, OpenInvoice> byId = new HashMap<>();
        private final Map<Long, List<OpenInvoice>> byClient = new HashMap<>();
        private final Map<String, List<OpenInvoice>> byNumber = new HashMap<>();
        private final Map<String, List<OpenInvoice>> byAmount = new HashMap<>();

        Found(List<OpenInvoice> oldestDueFirst) {
            for (OpenInvoice invoice : oldestDueFirst) {
                position.put(invoice.invoiceId(), position.size());
                byId.put(invoice.invoiceId(), invoice);
                byClient.computeIfAbsent(invoice.clientId(), k -> new ArrayList<>()).add(invoice);
                byNumber.computeIfAbsent(invoice.number().toUpperCase(Locale.ROOT), k -> new ArrayList<>()).add(invoice);
                byAmount.computeIfAbsent(amountKey(invoice.balance().amount(), invoice.balance().currency()), k -> new ArrayList<>()).add(invoice);
            }
        }

        /**
         * This receipt's candidates in its currency: what names the payment (the checkout's invoices,
         * the client, the text) before invoices that merely have the same amount, so that a firm with
         * many equal invoices never loses the one the payment names to the limit; oldest due first
         * within each.
         */
        List<OpenInvoice> of(Asked asked) {
            Set<OpenInvoice> namesIt = new LinkedHashSet<>();
            asked.facts.named().keySet().stream().map(byId::get).filter(i -> i != null).forEach(namesIt::add);
            if (asked.facts.clientId() != null) {
                namesIt.addAll(byClient.getOrDefault(asked.facts.clientId(), List.of()));
            }
            asked.mentioned.forEach(n -> namesIt.addAll(byNumber.getOrDefault(n, List.of())));
            List<OpenInvoice> sameAmount = byAmount.getOrDefault(amountKey(asked.facts.gross().amount(), asked.currency()), List.of());
            List<OpenInvoice> ordered = namesIt.stream().filter(i -> i.balance().currency().equals(asked.currency()))
                    .sorted((a, b) -> Integer.compare(position.get(a.invoiceId()), position.get(b.invoiceId())))
                    .collect(Collectors.toCollection(ArrayList::new));
            sameAmount.stream().filter(i -> !namesIt.contains(i)).forEach(ordered::add);
            return ordered.size() <= CANDIDATES ? ordered : ordered.subList(0, CANDIDATES);
        }

        private static String amountKey(java.math.BigDecimal amount, String currency) {
            return amount.stripTrailingZeros().toPlainString() + ":" + currency;
        }
    }
}
