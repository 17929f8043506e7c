package org.quittance.bankfiles.entity;

import org.quittance.money.Money;

/**
 * An entry sent back by the payer's bank, as a NACHA returns file states it (read by
 * {@code bankfiles.control.AchReturnFile}; kept as an {@link AchReturn}).
 * @param debit whether it returns a debit the firm collected (money taken back from the firm), not a credit it sent
 * @param detail the addenda's information (a return) or the corrected data (a notice of change)
 */
public record AchReturnEntry(int line, AchReturnKind kind, String code, String originalTrace, String trace, boolean debit, Money amount,
                             String name, String detail) {
}
