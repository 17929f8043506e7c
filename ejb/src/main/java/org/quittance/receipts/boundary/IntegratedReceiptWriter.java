package org.quittance.receipts.boundary;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import org.quittance.payments.processor.SettledTransaction;

import java.util.List;

/** Hands a chunk of settled payments to the receipt import, in the chunk's transaction. */
@Named
@Dependent
public class IntegratedReceiptWriter extends AbstractItemWriter {

    @EJB
    ReceiptImport receiptImport;

    @Override
    public void writeItems(List<Object> items) {
        receiptImport.record(items.stream().map(SettledTransaction.class::cast).toList());
    }
}
