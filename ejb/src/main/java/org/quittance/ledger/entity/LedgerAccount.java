package org.quittance.ledger.entity;

/**
 * Where an entry is posted: always on a client's ledger, and on a matter's and an invoice's when it is
 * about one. The ledger knows them by id only; billing says which ({@code Invoice.ledgerAccount()}).
 */
public record LedgerAccount(long clientId, Long matterId, Long invoiceId) {
}
