package org.quittance.receipts.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RunAs;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.JobRestartException;
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
import java.io.Serializable;
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
 * (nothing of this server runs yet), and every ten seconds on every node, any whose node stopped renewing
 * its lease. Such an import is marked FAILED with that reason, in one transaction that only one node's
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
    /** PostgreSQL's "lock not available": lock_timeout ran out. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    /** How often a restart is tried again while JBeret still runs the execution here (until JobLeaseFence stops it). */
    private static final int RESTART_ATTEMPTS = 6;
    private static final long RETRY_AFTER_MILLIS = 10_000;

    @Resource(lookup = "java:jboss/datasources/QuittanceDS")
    DataSource dataSource;

    @Resource
    TimerService timers;

    /** Marks at once (so no screen ever shows a dead import as running) and restarts once the server is up. */
    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void atStart() {
        try {
            List<Interrupted> interrupted = markInterruptedAsFailed(true);
            if (!interrupted.isEmpty()) {
                timers.createSingleActionTimer(RETRY_AFTER_MILLIS, new TimerConfig(new ArrayList<>(interrupted), false));
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
        List<Interrupted> interrupted = (List<Interrupted>) timer.getInfo();
        restart(interrupted);
    }

    /** Marks and restarts now what was this node's. @return the executions restarted, one per interrupted import */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<Long> recover() {
        return restart(markInterruptedAsFailed(true));
    }

    /** Every node, every ten seconds (two short queries, most often finding nothing): the imports of a node that stopped renewing its leases. */
    @Schedule(hour = "*", minute = "*", second = "5/10", persistent = false, info = "interrupted imports on other nodes")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void sweep() {
        try {
            restart(markInterruptedAsFailed(false));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not look for imports of stopped nodes", e);
        }
    }

    private List<Long> restart(List<Interrupted> interrupted) {
        List<Long> restarted = new ArrayList<>();
        List<Interrupted> later = new ArrayList<>();
        JobOperator jobs = BatchRuntime.getJobOperator();
        for (Interrupted dead : interrupted) {
            long execution = dead.execution();
            try {
                long restart = jobs.restart(execution, new Properties());
                restarted.add(restart);
                LOG.warning(() -> "Import " + execution + " was interrupted when " + dead.stoppedNode() + " stopped; restarted on "
                        + ClusterNode.name() + " as " + restart);
            } catch (RuntimeException e) {
                // Refused because this node itself only seemed dead (its renewals failed): JBeret still runs the execution here and
                // refuses a restart until JobLeaseFence has stopped it at its next chunk.
                if (e instanceof JobRestartException && dead.attempts() < RESTART_ATTEMPTS) {
                    later.add(new Interrupted(execution, dead.stoppedNode(), dead.attempts() + 1));
                    continue;
                }
                LOG.log(Level.WARNING, "Import " + execution + " was interrupted when " + dead.stoppedNode()
                        + " stopped and could not be restarted; restart it from the Receipts screen", e);
            }
        }
        if (!later.isEmpty()) {
            timers.createSingleActionTimer(RETRY_AFTER_MILLIS, new TimerConfig(new ArrayList<>(later), false));
        }
        return restarted;
    }

    /**
     * An import marked failed, the node it ran on (this one's name when no lease says: it was this node's, or
     * too old to tell), and how many times its restart was refused because it still ran here.
     */
    record Interrupted(long execution, String stoppedNode, int attempts) implements Serializable {
        Interrupted(long execution, String stoppedNode) {
            this(execution, stoppedNode, 0);
        }
    }

    /**
     * In one transaction, committed before any restart reads it. An import is dead when its lease ran out, or
     * (at start) is this node's own, or it has none and is older than a lease (its node died before the job's
     * listener took one, or it ran before leases were kept). It is marked failed and its lease deleted together,
     * or neither, and the next sweep tries again.
     */
    private List<Interrupted> markInterruptedAsFailed(boolean atStart) {
        try (Connection c = dataSource.getConnection()) {
            try (ResultSet exists = c.createStatement().executeQuery("SELECT to_regclass('job_execution') IS NOT NULL")) {
                if (!exists.next() || !exists.getBoolean(1)) {
                    return List.of();  // JBeret has not created its tables yet: nothing ever ran
                }
            }
            c.setAutoCommit(false);
            try {
                List<Interrupted> interrupted = markAndRelease(c, atStart);
                c.commit();
                return interrupted;
            } catch (SQLException e) {
                c.rollback();
                if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                    LOG.info("An import of a node that seems dead has a chunk in flight; it is taken over once that chunk ends");
                    return List.of();
                }
                throw e;
            } catch (RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the batch job repository: " + e.getMessage(), e);
        }
    }

    private static List<Interrupted> markAndRelease(Connection c, boolean atStart) throws SQLException {
        try (var wait = c.createStatement()) {
            // A node that only seemed dead holds its lease's row until its chunk in flight commits (JobLeaseFence):
            // the take-over waits for that chunk, but never long (a node paused mid-chunk keeps its import if it wakes).
            wait.execute("SET LOCAL lock_timeout = '5s'");
        }
        // The stale leases first, before any row the chunk in flight writes too (its checkpoint in step_execution):
        // taken in the other order, the chunk and this transaction would each wait for the other.
        try (PreparedStatement leases = c.prepareStatement("""
                SELECT l.execution_id FROM job_lease l JOIN job_execution e ON e.jobexecutionid = l.execution_id
                WHERE e.batchstatus IN ('STARTING', 'STARTED', 'STOPPING')
                  AND (l.renewed_at < now() - make_interval(secs => ?) OR (? AND l.node = ?))
                FOR UPDATE OF l""")) {
            leases.setLong(1, JobLeases.LEASE.toSeconds());
            leases.setBoolean(2, atStart);
            leases.setString(3, ClusterNode.name());
            leases.executeQuery().close();
        }
        List<Interrupted> interrupted = new ArrayList<>();
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
                RETURNING e.jobexecutionid, coalesce(dead.node, ?)""")) {
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
            update.setString(i++, node);
            update.setString(i, node);
            try (ResultSet rs = update.executeQuery()) {
                while (rs.next()) {
                    interrupted.add(new Interrupted(rs.getLong(1), rs.getString(2)));
                }
            }
        }
        if (!interrupted.isEmpty()) {
            java.sql.Array ids = c.createArrayOf("bigint", interrupted.stream().map(Interrupted::execution).toArray(Long[]::new));
            try (PreparedStatement steps = c.prepareStatement("""
                    UPDATE step_execution SET batchstatus = 'FAILED', exitstatus = ?, endtime = now()
                    WHERE jobexecutionid = ANY (?) AND batchstatus IN ('STARTING', 'STARTED', 'STOPPING')""")) {
                steps.setString(1, REASON);
                steps.setArray(2, ids);
                steps.executeUpdate();
            }
            try (PreparedStatement leases = c.prepareStatement("DELETE FROM job_lease WHERE execution_id = ANY (?)")) {
                leases.setArray(1, ids);
                leases.executeUpdate();
            }
        }
        return interrupted;
    }
}
