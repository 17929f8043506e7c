package org.quittance.receipts.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RunAs;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.quittance.bankfiles.boundary.BankStatementImport;
import org.quittance.bankfiles.boundary.SettlementFiles;
import org.quittance.platform.boundary.JobLeases;
import org.quittance.platform.control.ClusterNode;
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
 * gone). Which are dead is told by their leases (platform/boundary/JobLeases): at start, this node's own
 * (nothing of this server runs yet), and every half minute on every node, any whose node stopped renewing
 * its lease. Such an import is marked FAILED with that reason, by one statement that only one node's
 * sweep can win, and restarted from its last checkpoint on the node that won (a restart of a FAILED
 * execution is an ordinary one; the checkpoint makes nothing twice).
 */
@RunAs(Roles.SYSTEM)
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class InterruptedImports {

    private static final Logger LOG = Logger.getLogger(InterruptedImports.class.getName());
    static final String INTERRUPTED = "INTERRUPTED";
    static final String REASON = INTERRUPTED + ": the server stopped while this import ran; restarted from its last checkpoint";
    static final String REASON_ELSEWHERE = INTERRUPTED + ": the node running this import (%s) stopped; restarted on %s from its last checkpoint";

    @Resource(lookup = "java:jboss/datasources/QuittanceDS")
    DataSource dataSource;

    @Resource
    TimerService timers;

    /** Marks at once (so no screen ever shows a dead import as running) and restarts once the server is up. */
    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void atStart() {
        try {
            List<Long> interrupted = markInterruptedAsFailed(true);
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

    /** Marks and restarts now what was this node's. @return the executions restarted, one per interrupted import */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<Long> recover() {
        return restart(markInterruptedAsFailed(true));
    }

    /** Every node, twice a minute: the imports of a node that stopped renewing its leases. */
    @Schedule(hour = "*", minute = "*", second = "15/30", persistent = false, info = "interrupted imports on other nodes")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void sweep() {
        try {
            restart(markInterruptedAsFailed(false));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not look for imports of stopped nodes", e);
        }
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

    /**
     * In one statement per table, committed before any restart reads them. An import is dead when its lease
     * ran out, or (at start) is this node's own, or it has none and is older than a lease (its node died
     * before the job's listener took one, or it ran before leases were kept).
     */
    private List<Long> markInterruptedAsFailed(boolean atStart) {
        try (Connection c = dataSource.getConnection()) {
            try (ResultSet exists = c.createStatement().executeQuery("SELECT to_regclass('job_execution') IS NOT NULL")) {
                if (!exists.next() || !exists.getBoolean(1)) {
                    return List.of();  // JBeret has not created its tables yet: nothing ever ran
                }
            }
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement update = c.prepareStatement("""
                    WITH dead AS (
                        SELECT e.jobexecutionid, l.node FROM job_execution e
                        JOIN job_instance i ON i.jobinstanceid = e.jobinstanceid
                        LEFT JOIN job_lease l ON l.execution_id = e.jobexecutionid
                        WHERE i.jobname IN (?, ?, ?) AND e.batchstatus IN ('STARTING', 'STARTED', 'STOPPING')
                          AND CASE WHEN l.execution_id IS NULL THEN e.createtime < now() - make_interval(secs => ?)
                                   ELSE l.renewed_at < now() - make_interval(secs => ?) OR (? AND l.node = ?) END
                        FOR UPDATE OF e SKIP LOCKED)
                    UPDATE job_execution e SET batchstatus = 'FAILED', endtime = now(), lastupdatedtime = now(),
                           exitstatus = CASE WHEN dead.node IS NULL OR dead.node = ? THEN ? ELSE format(?, dead.node, ?) END
                    FROM dead WHERE e.jobexecutionid = dead.jobexecutionid
                    RETURNING e.jobexecutionid""")) {
                String node = ClusterNode.name();
                int i = 1;
                update.setString(i++, ReceiptImport.JOB);
                update.setString(i++, SettlementFiles.JOB);
                update.setString(i++, BankStatementImport.JOB);
                update.setLong(i++, JobLeases.LEASE.toSeconds());
                update.setLong(i++, JobLeases.LEASE.toSeconds());
                update.setBoolean(i++, atStart);
                update.setString(i++, node);
                update.setString(i++, node);
                update.setString(i++, REASON);
                update.setString(i++, REASON_ELSEWHERE);
                update.setString(i, node);
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
                try (PreparedStatement leases = c.prepareStatement("DELETE FROM job_lease WHERE execution_id = ANY (?)")) {
                    leases.setArray(1, c.createArrayOf("bigint", ids.toArray()));
                    leases.executeUpdate();
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the batch job repository: " + e.getMessage(), e);
        }
    }
}
