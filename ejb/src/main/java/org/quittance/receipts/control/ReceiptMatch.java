package org.quittance.receipts.control;

import org.quittance.receipts.entity.MatchKind;

/** Which client and invoices a receipt pays, how sure we are, and why, in words staff can check. */
public record ReceiptMatch(MatchKind kind, Long clientId, Split split, String reason) {
}
