package org.quittance.bankfiles.boundary;

import jakarta.batch.api.BatchProperty;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.quittance.bankfiles.control.StatementCredits;
import org.quittance.platform.boundary.PagedItemReader;

import java.util.List;

/** Reads a kept bank statement's credits in file order; its checkpoint is the last credit handed out. */
@Named
@Dependent
public class BankStatementReader extends PagedItemReader<StatementCredits.Kept> {

    @Inject
    @BatchProperty
    String statement;

    @EJB
    BankStatementImport statements;

    @Override
    protected List<StatementCredits.Kept> page(int afterPosition, int limit) {
        return statements.credits(Long.parseLong(statement), afterPosition, limit);
    }

    @Override
    protected int position(StatementCredits.Kept credit) {
        return credit.position();
    }
}
