package org.quittance.receipts.boundary;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.quittance.payments.processor.SettledTransaction;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Reads the processor's settled transactions of the period a page at a time. Its checkpoint is the
 * id of the last transaction handed out, which is where the processor's list resumes.
 */
@Named
@Dependent
public class SettledTransactionReader extends AbstractItemReader {

    static final int PAGE = 100;

    @Inject
    @BatchProperty
    String from;

    @Inject
    @BatchProperty
    String to;

    @EJB
    ReceiptImport receiptImport;

    private final Deque<SettledTransaction> page = new ArrayDeque<>();
    private String after;
    private boolean exhausted;

    @Override
    public void open(Serializable checkpoint) {
        after = (String) checkpoint;
    }

    @Override
    public Object readItem() {
        if (page.isEmpty() && !exhausted) {
            List<SettledTransaction> next = receiptImport.page(Instant.parse(from), Instant.parse(to), after, PAGE);
            page.addAll(next);
            exhausted = next.size() < PAGE;
        }
        SettledTransaction transaction = page.poll();
        if (transaction != null) {
            after = transaction.id();
        }
        return transaction;
    }

    @Override
    public Serializable checkpointInfo() {
        return after;
    }
}
