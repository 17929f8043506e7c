package org.quittance.receipts.entity;

/** Where a receipt came from: the card processor (portal payments), a bank file, or staff by hand. */
public enum ReceiptSource {
    PROCESSOR,
    BANK,
    MANUAL
}
