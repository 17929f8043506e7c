package org.quittance.receipts.control;

import org.quittance.billing.control.OpenInvoice;
import org.quittance.money.Money;
import org.quittance.receipts.entity.MatchKind;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Decides which invoices a receipt pays. Only a portal payment is ever certain: its checkout named the
 * invoices and the amounts, and they still stand. Anything else is a suggestion with its reason (the
 * reference names an invoice, the amount is the balance of the client's only open invoice, …) for
 * staff to confirm, or no match at all.
 */
public final class ReceiptMatcher {

    /**
     * What is known of a receipt.
     * @param named    invoice id → amount, as the portal checkout recorded it (empty when none)
     * @param clientId the paying client when known (from the checkout or the bank account), else null
     * @param text     references and descriptions that may name an invoice number
     */
    public record Facts(Money gross, Map<Long, Money> named, Long clientId, String text) {
        public Facts {
            named = named == null ? Map.of() : Map.copyOf(named);
            text = text == null ? "" : text;
        }
    }

    private ReceiptMatcher() {
    }

    /**
     * @param candidates the open invoices that may be meant: the named ones, the client's, those whose
     *                   number the text contains and those whose balance equals the amount
     */
    public static ReceiptMatch match(Facts facts, List<OpenInvoice> candidates) {
        Map<Long, OpenInvoice> open = candidates.stream()
                .collect(Collectors.toMap(OpenInvoice::invoiceId, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        if (!facts.named().isEmpty()) {
            return named(facts, open);
        }
        List<OpenInvoice> referenced = open.values().stream().filter(i -> mentions(facts.text(), i.number())).toList();
        if (!referenced.isEmpty() && referenced.stream().map(OpenInvoice::clientId).distinct().count() == 1) {
            Split split = ReceiptAllocation.oldestDueFirst(facts.gross(), referenced);
            String numbers = numbers(referenced);
            boolean exact = total(referenced, facts.gross().currency()).compareTo(facts.gross()) == 0;
            return new ReceiptMatch(MatchKind.SUGGESTED, referenced.get(0).clientId(), split,
                    "The reference names " + numbers + (exact ? " and the amount is its balance." : "; the amount is not its balance.")
                            + leftover(split));
        }
        if (facts.clientId() != null) {
            return ofClient(facts, open.values().stream().filter(i -> facts.clientId().equals(i.clientId())).toList());
        }
        List<OpenInvoice> exact = open.values().stream().filter(i -> i.balance().compareTo(facts.gross()) == 0).toList();
        if (exact.size() == 1) {
            OpenInvoice only = exact.get(0);
            return new ReceiptMatch(MatchKind.SUGGESTED, only.clientId(), new Split(Map.of(only.invoiceId(), facts.gross()), zero(facts)),
                    "Nothing names this payment, but only " + only.number() + " is open for exactly this amount.");
        }
        return new ReceiptMatch(MatchKind.NONE, null, new Split(Map.of(), facts.gross()), exact.isEmpty()
                ? "Nothing names this payment and no open invoice is for this amount: choose the client and invoices."
                : exact.size() + " open invoices (" + numbers(exact) + ") are for this amount: choose the one it pays.");
    }

    private static ReceiptMatch named(Facts facts, Map<Long, OpenInvoice> open) {
        List<OpenInvoice> found = facts.named().keySet().stream().map(open::get).filter(Objects::nonNull).toList();
        List<Long> clients = found.stream().map(OpenInvoice::clientId).distinct().toList();
        Long client = facts.clientId() != null ? facts.clientId() : clients.size() == 1 ? clients.get(0) : null;
        Money namedTotal = facts.named().values().stream().reduce(zero(facts), Money::plus);
        boolean allOpen = found.size() == facts.named().size();
        boolean oneClient = clients.size() == 1 && client != null && client.equals(clients.get(0));
        boolean withinBalances = found.stream().allMatch(i -> facts.named().get(i.invoiceId()).compareTo(i.balance()) <= 0);
        boolean addsUp = namedTotal.compareTo(facts.gross()) == 0;
        if (allOpen && oneClient && withinBalances && addsUp) {
            return new ReceiptMatch(MatchKind.CERTAIN, client, new Split(facts.named(), zero(facts)),
                    "Paid in the portal for " + numbers(found) + ".");
        }
        Split split = ReceiptAllocation.asChosen(facts.gross(), facts.named(), open);
        String why;
        if (!allOpen) {
            why = found.isEmpty() ? "The invoices paid in the portal are no longer open (paid or voided meanwhile)."
                    : "Paid in the portal for " + facts.named().size() + " invoices, of which only " + numbers(found) + " are still open.";
        } else if (!oneClient) {
            why = "The invoices paid in the portal belong to different clients.";
        } else if (!withinBalances) {
            why = "Paid in the portal for " + numbers(found) + ", but their balance is now lower (paid in part meanwhile).";
        } else {
            why = "Paid in the portal for " + numbers(found) + ", but the amount received (" + facts.gross()
                    + ") differs from the amount asked (" + namedTotal + ").";
        }
        return new ReceiptMatch(MatchKind.SUGGESTED, client, split, why + leftover(split));
    }

    private static ReceiptMatch ofClient(Facts facts, List<OpenInvoice> clients) {
        if (clients.isEmpty()) {
            return new ReceiptMatch(MatchKind.SUGGESTED, facts.clientId(), new Split(Map.of(), facts.gross()),
                    "The client has no open invoice: the payment would become unapplied credit.");
        }
        List<OpenInvoice> exact = clients.stream().filter(i -> i.balance().compareTo(facts.gross()) == 0).toList();
        if (exact.size() == 1) {
            OpenInvoice only = exact.get(0);
            return new ReceiptMatch(MatchKind.SUGGESTED, facts.clientId(), new Split(Map.of(only.invoiceId(), facts.gross()), zero(facts)),
                    "The amount is the balance of " + only.number() + ", the client's only open invoice for it.");
        }
        Split split = ReceiptAllocation.oldestDueFirst(facts.gross(), clients);
        return new ReceiptMatch(MatchKind.SUGGESTED, facts.clientId(), split,
                "Spread over the client's open invoices, oldest due first." + leftover(split));
    }

    /**
     * An invoice number as a whole word, in any case: INV-2026-00012 is not found inside
     * INV-2026-000123. Searched without a regular expression: it is asked of every candidate of every
     * receipt, and compiling one each time was a tenth of the receipt import (JFR, issue 18).
     */
    static boolean mentions(String text, String number) {
        if (number == null || number.isEmpty()) {
            return false;
        }
        for (int at = 0; at + number.length() <= text.length(); at++) {
            int end = at + number.length();
            if (text.regionMatches(true, at, number, 0, number.length())
                    && (at == 0 || !wordOrDash(text.charAt(at - 1))) && (end == text.length() || !wordOrDash(text.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    /** The longest invoice number (the column's size). */
    static final int NUMBER_LENGTH = 30;
    /** Bounds what a long or hostile text costs the query that looks its numbers up. */
    static final int MENTIONABLE_TEXT = 1_000;
    static final int MENTIONABLE_MAX = 200;

    /**
     * Every piece of the text that {@link #mentions} could find as an invoice number, upper-cased, so
     * that the invoices it names are looked up by an index instead of testing every open invoice
     * against the text: the pieces of at most 30 characters that start and end at a word's edge and
     * hold a digit (every invoice number has its counter). The first 1,000 characters of the text, and
     * at most 200 pieces, the shortest of each start first.
     */
    static Set<String> mentionable(String text) {
        String bounded = text.length() <= MENTIONABLE_TEXT ? text : text.substring(0, MENTIONABLE_TEXT);
        Set<String> pieces = new LinkedHashSet<>();
        for (int start = 0; start < bounded.length(); start++) {
            if (start > 0 && wordOrDash(bounded.charAt(start - 1))) {
                continue;
            }
            boolean digit = false;
            for (int end = start + 1; end <= Math.min(bounded.length(), start + NUMBER_LENGTH); end++) {
                digit |= Character.isDigit(bounded.charAt(end - 1));
                if (digit && (end == bounded.length() || !wordOrDash(bounded.charAt(end)))) {
                    pieces.add(bounded.substring(start, end).toUpperCase(Locale.ROOT));
                    if (pieces.size() == MENTIONABLE_MAX) {
                        return pieces;
                    }
                }
            }
        }
        return pieces;
    }

    /** A word character of a regular expression ({@code \w}: ASCII letters, digits, underscore) or a dash. */
    private static boolean wordOrDash(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }

    private static String leftover(Split split) {
        return split.unapplied().isPositive() ? " " + split.unapplied() + " would become unapplied credit." : "";
    }

    /** At most five numbers, then how many more: a reason must stay readable (and fit its column). */
    private static String numbers(List<OpenInvoice> invoices) {
        String named = invoices.stream().sorted(Comparator.comparing(OpenInvoice::number)).limit(NAMED).map(OpenInvoice::number)
                .collect(Collectors.joining(", "));
        return invoices.size() <= NAMED ? named : named + " and " + (invoices.size() - NAMED) + " more";
    }

    private static final int NAMED = 5;

    private static Money total(List<OpenInvoice> invoices, String currency) {
        return invoices.stream().map(OpenInvoice::balance).reduce(Money.zero(currency), Money::plus);
    }

    private static Money zero(Facts facts) {
        return Money.zero(facts.gross().currency());
    }
}
