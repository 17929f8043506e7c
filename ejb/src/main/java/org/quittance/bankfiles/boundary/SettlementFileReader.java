package org.quittance.bankfiles.boundary;

import jakarta.batch.api.BatchProperty;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.quittance.bankfiles.control.SettlementLines;
import org.quittance.platform.boundary.PagedItemReader;

import java.util.List;

/**
 * Reads an uploaded settlement file's transactions in order (a file may have a million lines); its
 * checkpoint is the line of the last transaction handed out.
 */
@Named
@Dependent
public class SettlementFileReader extends PagedItemReader<SettlementLines.Line> {

    @Inject
    @BatchProperty
    String file;

    @EJB
    SettlementFiles settlementFiles;

    @Override
    protected List<SettlementLines.Line> page(int afterLine, int limit) {
        return settlementFiles.transactions(Long.parseLong(file), afterLine, limit);
    }

    @Override
    protected int position(SettlementLines.Line line) {
        return line.line();
    }

    /** Hands out the transaction itself: what the filter and the writer take. */
    @Override
    public Object readItem() {
        Object line = super.readItem();
        return line == null ? null : ((SettlementLines.Line) line).transaction();
    }
}
