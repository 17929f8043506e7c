package org.quittance.bankfiles.entity;

/** An entry the bank sent back: returned (addenda 99, R codes), or a notice to correct the payer's bank details (98, C codes). */
public enum AchReturnKind { RETURN, NOTICE_OF_CHANGE }
