package org.quittance.receipts.control;

import org.quittance.platform.control.CopyRows;
import org.quittance.receipts.entity.Receipt;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The new receipts of an import's chunk, written together with COPY (the receipts, then their allocations) instead of through the entity manager: a settlement file of a million lines spent half
 * of its import in EclipseLink building these rows. Each column of the table is here, so a receipt
 * written this way reads back as the entity it was (ReceiptImportIT reads them through the entity).
 */
public final class NewReceipts {

    private final List<Receipt> receipts = new ArrayList<>();

    /** A receipt made, not persisted; it may still change (a second line of the chunk settles it) until written. */
    public void add(Receipt receipt) {
        if (receipt.id() != null) {
            throw new IllegalArgumentException("Receipt " + receipt.id() + " is written already");
        }
        receipts.add(receipt);
    }

    public boolean isEmpty() {
        return receipts.isEmpty();
    }

    public List<Receipt> receipts() {
        return List.copyOf(receipts);
    }

    /** Writes them on the connection of the transaction. @return their ids, in the order they were added */
    public long[] write(Connection connection) throws SQLException {
        long[] ids = CopyRows.ids(connection, Receipt.ID_SEQUENCE, Receipt.ID_BLOCK, receipts.size());
        CopyRows rows = CopyRows.into("receipt", "id", "source", "method", "payment_reference", "settlement_id", "charge_reference",
                "client_id", "currency", "gross", "fee", "net", "payout", "description", "received_at", "state", "match_kind", "match_reason",
                "state_reason", "unapplied", "decided_by", "decided_at", "created_at", "entry_key", "refunded", "disputed", "version");
        CopyRows allocations = CopyRows.into("receipt_allocation", "receipt_id", "invoice_id", "amount");
        for (int i = 0; i < ids.length; i++) {
            Receipt r = receipts.get(i);
            rows.row(ids[i], r.source(), r.method(), r.paymentReference(), r.settlementId(), r.chargeReference(), r.clientId(),
                    r.currency(), amount(r.gross()), amount(r.fee()), amount(r.net()), r.payout(), r.description(), r.receivedAt(),
                    r.state(), r.matchKind(), r.matchReason(), r.stateReason(), amount(r.unapplied()), r.decidedBy(), r.decidedAt(),
                    r.createdAt(), r.entryKey(), amount(r.refunded()), r.disputed(), r.version());
            long id = ids[i];
            r.allocations().forEach((invoice, part) -> allocations.row(id, invoice, part.amount()));
        }
        rows.execute(connection);
        allocations.execute(connection);
        return ids;
    }

    private static java.math.BigDecimal amount(org.quittance.money.Money money) {
        return money == null ? null : money.amount();
    }
}
