package org.quittance.platform.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.quittance.platform.control.ClusterNode;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Which node runs which job execution, in the database all nodes share. A node takes a lease when an
 * execution starts on it, renews the leases of everything it runs every {@link #RENEW_EVERY} and gives a
 * lease back when its execution ends. A lease not renewed for {@link #LEASE} belongs to a node that died
 * (or stopped with the execution still running): InterruptedImports then restarts the execution on a
 * live node. JBeret itself knows no owner: its executions stay STARTED for ever when their node dies.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")  // its renewals begin once its table exists
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@PermitAll
public class JobLeases {

    private static final Logger LOG = Logger.getLogger(JobLeases.class.getName());

    /** How often a node says it still runs its executions. */
    public static final Duration RENEW_EVERY = Duration.ofSeconds(10);
    /**
     * How long without a renewal before a node counts as dead: six renewals missed by default, not one slow one;
     * set by quittance-cluster.cli from QUITTANCE_CLUSTER_LEASE_SECONDS, never under three renewals.
     */
    public static final Duration LEASE = Duration.ofSeconds(Math.max(3 * RENEW_EVERY.toSeconds(), Long.getLong("quittance.cluster.lease-seconds", 60)));

    @Resource(lookup = "java:jboss/datasources/QuittanceDS")
    DataSource dataSource;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void take(long executionId) {
        update("""
                INSERT INTO job_lease (execution_id, node) VALUES (?, ?)
                ON CONFLICT (execution_id) DO UPDATE SET node = excluded.node, taken_at = now(), renewed_at = now()""", executionId, ClusterNode.name());
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void release(long executionId) {
        update("DELETE FROM job_lease WHERE execution_id = ?", executionId);
    }

    /**
     * In a chunk's transaction (JobLeaseFence): whether the execution still holds its lease. A node that only
     * seemed dead (paused past its lease) finds it gone once another node took the execution over. The row
     * stays locked until the chunk commits (FOR KEY SHARE: renewals pass, the take-over's DELETE waits), so a
     * take-over waits for the chunk in flight and restarts after its checkpoint: never two chunks at once.
     *
     * @return empty while it holds it; once taken over, the execution's exit status (why, and by which node)
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Optional<String> takenOver(long executionId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement held = c.prepareStatement("SELECT 1 FROM job_lease WHERE execution_id = ? FOR KEY SHARE");
             PreparedStatement why = c.prepareStatement("SELECT exitstatus FROM job_execution WHERE jobexecutionid = ?")) {
            held.setLong(1, executionId);
            try (ResultSet rs = held.executeQuery()) {
                if (rs.next()) {
                    return Optional.empty();
                }
            }
            why.setLong(1, executionId);
            try (ResultSet rs = why.executeQuery()) {
                String status = rs.next() ? rs.getString(1) : null;
                return Optional.of(status != null ? status : "INTERRUPTED: taken over by another node");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Job lease: " + e.getMessage(), e);
        }
    }

    /** Every node, every {@link #RENEW_EVERY}: its own leases only. */
    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false, info = "job lease renewal")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void renew() {
        try {
            update("UPDATE job_lease SET renewed_at = now() WHERE node = ?", ClusterNode.name());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not renew this node's job leases", e);
        }
    }

    private void update(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Job lease: " + e.getMessage(), e);
        }
    }
}
