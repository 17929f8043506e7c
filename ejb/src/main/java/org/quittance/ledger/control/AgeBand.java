package org.quittance.ledger.control;

/**
 * How old an open invoice is, in days since its invoice date: the bands of the A/R aging and of a
 * statement's aging, as SQL made from these constants (the rule stays here, the queries only name it).
 */
public enum AgeBand {
    CURRENT("Current", 0, 30),
    DAYS_31_60("31–60 days", 31, 60),
    DAYS_61_90("61–90 days", 61, 90),
    OVER_90("Over 90 days", 91, Integer.MAX_VALUE);

    private final String label;
    private final int from;
    private final int to;

    AgeBand(String label, int from, int to) {
        this.label = label;
        this.from = from;
        this.to = to;
    }

    public String label() {
        return label;
    }

    /** {@code SUM(...)} of the amounts whose age (an SQL expression in days) falls in this band. */
    public String sum(String age, String amount) {
        String test = to == Integer.MAX_VALUE ? age + " >= " + from : age + " BETWEEN " + from + " AND " + to;
        return "SUM(CASE WHEN " + (this == CURRENT ? age + " <= " + to : test) + " THEN " + amount + " ELSE 0 END)";
    }
}
