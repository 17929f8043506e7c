package org.quittance.bankfiles.boundary;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.quittance.bankfiles.control.SettlementLines;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Reads an uploaded settlement file's transactions in order, a page at a time (a file may have a
 * million lines); its checkpoint is the line of the last transaction handed out.
 */
@Named
@Dependent
public class SettlementFileReader extends AbstractItemReader {

    static final int PAGE = 1_000;

    @Inject
    @BatchProperty
    String file;

    @EJB
    SettlementFiles settlementFiles;

    private final Deque<SettlementLines.Line> page = new ArrayDeque<>();
    private int after;
    private boolean exhausted;

    @Override
    public void open(Serializable checkpoint) {
        after = checkpoint == null ? 0 : (Integer) checkpoint;
    }

    @Override
    public Object readItem() {
        if (page.isEmpty() && !exhausted) {
            List<SettlementLines.Line> next = settlementFiles.transactions(Long.parseLong(file), after, PAGE);
            page.addAll(next);
            exhausted = next.size() < PAGE;
        }
        SettlementLines.Line line = page.poll();
        if (line == null) {
            return null;
        }
        after = line.line();
        return line.transaction();
    }

    @Override
    public Serializable checkpointInfo() {
        return after;
    }
}
