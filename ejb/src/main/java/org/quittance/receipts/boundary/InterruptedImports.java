package org.quittance.receipts.boundary;

import org.quittance.bankfiles.boundary.BankStatementImport;
import org.quittance.bankfiles.boundary.SettlementFiles;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RunAs;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.quittance.security.entity.Roles;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Imports that a crash interrupted. JBeret leaves such an execution STARTED in its repository for
 * ever, and a STARTED import blocks every later one (the safety net for lost notifications would be
 * gone). At start nothing of this server runs yet, so an import still marked as running was running
 * when the server stopped: it is marked FAILED with that reason and restarted from its last
 * checkpoint (a restart of a FAILED execution is an ordinary one; the checkpoint makes nothing twice).
 * One server for now: with several, only the dead node's executions may be taken (issue 20).
 */
@RunAs(Roles.SYSTEM)
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class InterruptedImports {

    private static final Logger LOG = Logger.getLogger(InterruptedImports.class.getName());
    static final String INTERRUPTED = "INTERRUPTED";
    static final String REASON = INTERRUPTED + ": the server stopped while this import ran; restarted from its last checkpoint";

    @Resource(lookup = "java:jboss/datasources/QuittanceDS")
    DataSource dataSource;

    @Resource
    TimerService timers;

    /** Marks at once (so no screen ever shows a dead import as running) and restarts once the server is up. */
    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void atStart() {
        try {
            List<Long> interrupted = markInterruptedAsFailed();
            if (!interrupted.isEmpty()) {
                timers.createSingleActionTimer(10_000, new TimerConfig(new ArrayList<>(interrupted), false));
            }
        } catch (RuntimeException e) {
            // Never keep the application from starting: staff can still restart from the Receipts screen.
            LOG.log(Level.WARNING, "Could not look for interrupted imports", e);
        }
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void restartLater(Timer timer) {
        @SuppressWarnings("unchecked")
        List<Long> interrupted = (List<Long>) timer.getInfo();
        restart(interrupted);
    }

    /** Marks and restarts now. @return the executions restarted, one per interrupted import */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<Long> recover() {
        return restart(markInterruptedAsFailed());
    }

    private List<Long> restart(List<Long> interrupted) {
        List<Long> restarted = new ArrayList<>();
        JobOperator jobs = BatchRuntime.getJobOperator();
        for (Long execution : interrupted) {
            try {
                long restart = jobs.restart(execution, new Properties());
                restarted.add(restart);
                LOG.warning(() -> "Import " + execution + " was interrupted by a server stop; restarted as " + restart);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Import " + execution + " was interrupted and could not be restarted; restart it from the Receipts screen", e);
            }
        }
        return restarted;
    }

    /** In one statement per table, committed before any restart reads them. */
    private List<Long> markInterruptedAsFailed() {
        try (Connection c = dataSource.getConnection()) {
            try (ResultSet exists = c.createStatement().executeQuery("SELECT to_regclass('job_execution') IS NOT NULL")) {
                if (!exists.next() || !exists.getBoolean(1)) {
                    return List.of();  // JBeret has not created its tables yet: nothing ever ran
                }
            }
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement update = c.prepareStatement("""
                    UPDATE job_execution e SET batchstatus = 'FAILED', exitstatus = ?, endtime = now(), lastupdatedtime = now()
                    FROM job_instance i
                    WHERE i.jobinstanceid = e.jobinstanceid AND i.jobname IN (?, ?, ?)
                      AND e.batchstatus IN ('STARTING', 'STARTED', 'STOPPING')
                    RETURNING e.jobexecutionid""")) {
                update.setString(1, REASON);
                update.setString(2, ReceiptImport.JOB);
                update.setString(3, SettlementFiles.JOB);
                update.setString(4, BankStatementImport.JOB);
                try (ResultSet rs = update.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            if (!ids.isEmpty()) {
                try (PreparedStatement steps = c.prepareStatement("""
                        UPDATE step_execution SET batchstatus = 'FAILED', exitstatus = ?, endtime = now()
                        WHERE jobexecutionid = ANY (?) AND batchstatus IN ('STARTING', 'STARTED', 'STOPPING')""")) {
                    steps.setString(1, REASON);
                    steps.setArray(2, c.createArrayOf("bigint", ids.toArray()));
                    steps.executeUpdate();
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the batch job repository: " + e.getMessage(), e);
        }
    }
}
