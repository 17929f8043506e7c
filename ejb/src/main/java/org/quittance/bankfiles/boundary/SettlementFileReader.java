package org.quittance.bankfiles.boundary;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.quittance.payments.processor.SettledTransaction;

import java.io.Serializable;
import java.util.List;

/** Reads an uploaded settlement file's transactions in order; its checkpoint is the position of the next one. */
@Named
@Dependent
public class SettlementFileReader extends AbstractItemReader {

    @Inject
    @BatchProperty
    String file;

    @EJB
    SettlementFiles settlementFiles;

    private List<SettledTransaction> transactions;
    private int next;

    @Override
    public void open(Serializable checkpoint) {
        transactions = settlementFiles.transactions(Long.parseLong(file));
        next = checkpoint == null ? 0 : (Integer) checkpoint;
    }

    @Override
    public Object readItem() {
        return next < transactions.size() ? transactions.get(next++) : null;
    }

    @Override
    public Serializable checkpointInfo() {
        return next;
    }
}
