package org.quittance.bankfiles.boundary;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.quittance.bankfiles.control.StatementCredits;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** Reads a kept bank statement's credits in file order, a page at a time; its checkpoint is the last credit handed out. */
@Named
@Dependent
public class BankStatementReader extends AbstractItemReader {

    static final int PAGE = 1_000;

    @Inject
    @BatchProperty
    String statement;

    @EJB
    BankStatementImport statements;

    private final Deque<StatementCredits.Kept> page = new ArrayDeque<>();
    private int after;
    private boolean exhausted;

    @Override
    public void open(Serializable checkpoint) {
        after = checkpoint == null ? 0 : (Integer) checkpoint;
    }

    @Override
    public Object readItem() {
        if (page.isEmpty() && !exhausted) {
            List<StatementCredits.Kept> next = statements.credits(Long.parseLong(statement), after, PAGE);
            page.addAll(next);
            exhausted = next.size() < PAGE;
        }
        StatementCredits.Kept credit = page.poll();
        if (credit == null) {
            return null;
        }
        after = credit.position();
        return credit;
    }

    @Override
    public Serializable checkpointInfo() {
        return after;
    }
}
