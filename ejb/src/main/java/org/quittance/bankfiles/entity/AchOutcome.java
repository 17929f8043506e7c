package org.quittance.bankfiles.entity;

/** What an entry in the bank's ACH return file did to the firm's books. */
public enum AchOutcome {
    REVERSED("Receipt reversed"),
    NOTHING_TO_REVERSE("Receipt already off the books"),
    NO_RECEIPT("No receipt has this trace"),
    REVIEW("Needs review"),
    RETURNED_CREDIT("Returned credit"),
    NOTICE_OF_CHANGE("Notice of change");

    private final String label;

    AchOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
