package org.quittance.ledger.control;

import org.quittance.ledger.entity.EntryKind;
import org.quittance.ledger.entity.StatementHeading;
import org.quittance.money.Money;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A statement of account: for a client and a period, per currency, the balance brought forward, every
 * ledger entry of the period with the balance after it, the movements summed by heading, the closing
 * balance, and what is open at the end of the period by age less the client's unapplied credit. Made
 * from the ledger alone, so it agrees with the Ledgers screen.
 */
public record Statement(String firmName, String clientName, String clientAddress, LocalDate from, LocalDate to, List<Account> accounts) {

    /** An entry of the period: a charge is positive, a payment or credit negative. */
    public record Entry(LocalDate date, EntryKind kind, String description, String invoice, Money amount) {
    }

    /** An entry as printed, with the balance after it. */
    public record Line(LocalDate date, EntryKind kind, String description, String invoice, Money amount, Money balance) {

        public boolean charge() {
            return amount.isPositive();
        }

        /** The amount without its sign, for the column it is printed in. */
        public Money magnitude() {
            return amount.isNegative() ? amount.negate() : amount;
        }
    }

    /** One currency's part of the statement. */
    public record Account(String currency, Money opening, List<Line> lines, Map<StatementHeading, Money> movements, Money closing,
                          Map<AgeBand, Money> open, Money credit) {

        /**
         * @param open   what each open invoice still owed at the end of the period, by its age then
         * @param credit the client's unapplied credit at the end of the period (positive in its favour)
         */
        public static Account of(String currency, Money opening, List<Entry> entries, Map<AgeBand, Money> open, Money credit) {
            Map<StatementHeading, Money> movements = new EnumMap<>(StatementHeading.class);
            for (StatementHeading heading : StatementHeading.values()) {
                movements.put(heading, Money.zero(currency));
            }
            List<Line> lines = new ArrayList<>(entries.size());
            Money balance = opening;
            for (Entry e : entries) {
                balance = balance.plus(e.amount());
                movements.merge(e.kind().heading(), e.amount(), Money::plus);
                lines.add(new Line(e.date(), e.kind(), e.description(), e.invoice(), e.amount(), balance));
            }
            Map<AgeBand, Money> aged = new EnumMap<>(AgeBand.class);
            for (AgeBand band : AgeBand.values()) {
                aged.put(band, open.getOrDefault(band, Money.zero(currency)));
            }
            return new Account(currency, opening, List.copyOf(lines), Map.copyOf(movements), balance, Map.copyOf(aged), credit);
        }

        /** What the open invoices still owed at the end of the period. */
        public Money openTotal() {
            return open.values().stream().reduce(Money.zero(currency), Money::plus);
        }

        /** The ledger's two ways of saying what the client owes agree: its entries summed, and its open invoices less its credit. */
        public boolean balances() {
            return closing.compareTo(openTotal().minus(credit)) == 0;
        }
    }

    /** Nothing moved in the period and nothing was owed at either end: a statement with nothing to say. */
    public boolean quiet() {
        return accounts.isEmpty();
    }
}
