package org.quittance.receipts.entity;

/**
 * How sure we are which invoices a receipt pays. Only a certain match may be applied without staff
 * (auto-apply): the portal checkout named the invoices and the amounts add up.
 */
public enum MatchKind {
    CERTAIN("Certain"),
    SUGGESTED("Suggested"),
    NONE("No match");

    private final String label;

    MatchKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
