package org.quittance.billing.entity;

import java.util.EnumSet;
import java.util.Set;

/** draft → final → published → partly paid → paid; final or published → void (number and history kept). */
public enum InvoiceState {
    DRAFT("Draft"),
    FINAL("Final"),
    PUBLISHED("Published"),
    PARTLY_PAID("Partly paid"),
    PAID("Paid"),
    VOID("Void");

    /** The states in which an invoice can be paid (and be overdue); queries take it as a parameter. */
    public static final Set<InvoiceState> PAYABLE = Set.copyOf(EnumSet.of(FINAL, PUBLISHED, PARTLY_PAID));

    private final String label;

    InvoiceState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isPayable() {
        return PAYABLE.contains(this);
    }

    /**
     * {@link #PAYABLE} as an SQL list for native queries ("'FINAL', 'PUBLISHED', 'PARTLY_PAID'"), made
     * from the enum: the rule stays here, the queries only name it. Constants, so nothing to inject.
     */
    public static final String PAYABLE_SQL = PAYABLE.stream().map(InvoiceState::name).sorted()
            .map(n -> "'" + n + "'").collect(java.util.stream.Collectors.joining(", "));
}
