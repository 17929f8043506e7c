package org.quittance.bankfiles.boundary;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.quittance.bankfiles.control.StatementCredits;

import java.util.List;

/** Hands a chunk of a statement's credits to the bank statement import, in the chunk's transaction. */
@Named
@Dependent
public class BankReceiptWriter extends AbstractItemWriter {

    @Inject
    @BatchProperty
    String statement;

    @EJB
    BankStatementImport statements;

    @Override
    public void writeItems(List<Object> items) {
        statements.record(Long.parseLong(statement), items.stream().map(StatementCredits.Kept.class::cast).toList());
    }
}
