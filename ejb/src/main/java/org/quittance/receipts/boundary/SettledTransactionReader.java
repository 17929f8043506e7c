package org.quittance.receipts.boundary;

import jakarta.annotation.Resource;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.quittance.payments.processor.SettledTransaction;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Reads the processor's settled transactions of the period a page at a time, asking for the next page
 * while the chunk writes this one (the processor's answer and our writing took turns, and each took
 * about half of the time). Its checkpoint is the id of the last transaction handed out, which is where
 * the processor's list resumes; a page asked for ahead and not handed out is simply asked for again.
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

    @Resource
    ManagedExecutorService executor;

    private final Deque<SettledTransaction> page = new ArrayDeque<>();
    private Future<List<SettledTransaction>> ahead;
    private String after;
    private boolean exhausted;

    @Override
    public void open(Serializable checkpoint) {
        after = (String) checkpoint;
        ahead = ask(after);
    }

    @Override
    public Object readItem() {
        if (page.isEmpty() && !exhausted) {
            List<SettledTransaction> next = answer(ahead);
            page.addAll(next);
            exhausted = next.size() < PAGE;
            ahead = exhausted ? null : ask(next.get(next.size() - 1).id());
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

    @Override
    public void close() {
        if (ahead != null) {
            ahead.cancel(true);
        }
    }

    private Future<List<SettledTransaction>> ask(String afterId) {
        Instant start = Instant.parse(from);
        Instant end = Instant.parse(to);
        return executor.submit(() -> receiptImport.page(start, end, afterId, PAGE));
    }

    /** The page asked for; its failure fails the chunk, as when it was asked for here. */
    private static List<SettledTransaction> answer(Future<List<SettledTransaction>> asked) {
        try {
            return asked.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the processor listed settled transactions", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }
}
