package org.quittance.receipts.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.quittance.platform.control.AdvisoryLock;
import org.quittance.bankfiles.boundary.BankStatementImport;
import org.quittance.payments.control.PaymentProcessors;
import org.quittance.payments.processor.ProcessorUnavailable;
import org.quittance.payments.processor.SettledTransaction;
import org.quittance.platform.control.RuleViolation;
import org.quittance.security.entity.Roles;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The receipt import: the Jakarta Batch job {@code receipt-import} and what its reader and writer
 * ask of the application. Each settled payment becomes an integrated receipt unless it is one already.
 */
@RolesAllowed({Roles.ADMIN, Roles.BILLING, Roles.SYSTEM})
@Stateless
public class ReceiptImport {

    public static final String JOB = "receipt-import";
    private static final Set<BatchStatus> RUNNING = EnumSet.of(BatchStatus.STARTING, BatchStatus.STARTED, BatchStatus.STOPPING);

    @EJB
    PaymentProcessors processors;

    @PersistenceContext
    EntityManager em;

    @EJB
    ReceiptIntake intake;

    /** Starts an import of [from, to); refused while another one runs. @return the job execution id */
    public long start(Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw new RuleViolation("The period to import must end after it starts.");
        }
        processors.require();
        // Two nodes' schedules (or two staff) at the same moment: one after the other, so the second sees the first's run.
        AdvisoryLock.hold(em, "receipt-import", "start");
        if (running().isPresent()) {
            throw new RuleViolation("A receipt import is running already; wait for it to finish.");
        }
        Properties parameters = new Properties();
        parameters.setProperty("from", from.toString());
        parameters.setProperty("to", to.toString());
        return operator().start(JOB, parameters);
    }

    /** Continues a failed or stopped import from its last checkpoint. */
    public long restart(long executionId) {
        return operator().restart(executionId, new Properties());
    }

    public void stop(long executionId) {
        operator().stop(executionId);
    }

    /** How an import is doing: for the staff screen's progress. */
    public record Progress(long executionId, String job, BatchStatus status, String from, String to, long read, long imported, long skipped,
                           Instant started, Instant ended, String exitStatus) implements java.io.Serializable {
        public boolean running() {
            return RUNNING.contains(status);
        }

        /** A bank statement's run (its items are the statement's credits), not the processor's transactions. */
        public boolean bankStatement() {
            return BankStatementImport.JOB.equals(job);
        }

        /** Stopped by a server stop, not by an error of its own. */
        public boolean interrupted() {
            return exitStatus != null && exitStatus.startsWith(InterruptedImports.INTERRUPTED);
        }

        /** The status in words for the staff screen. */
        public String statusInWords() {
            return switch (status) {
                case STARTING, STARTED -> "running";
                case STOPPING -> "stopping";
                case COMPLETED -> "finished";
                case FAILED -> "did not finish";
                case STOPPED -> "stopped";
                case ABANDONED -> "abandoned";
            };
        }

        /** Failed (a processor error, or a server stop: see InterruptedImports) or stopped: a restart continues it. */
        public boolean restartable() {
            return status == BatchStatus.FAILED || status == BatchStatus.STOPPED;
        }
    }

    public Progress progress(long executionId) {
        JobOperator jobs = operator();
        JobExecution execution = jobs.getJobExecution(executionId);
        long read = 0, written = 0, filtered = 0;
        for (StepExecution step : jobs.getStepExecutions(executionId)) {
            for (Metric metric : step.getMetrics()) {
                switch (metric.getType()) {
                    case READ_COUNT -> read += metric.getValue();
                    case WRITE_COUNT -> written += metric.getValue();
                    case FILTER_COUNT -> filtered += metric.getValue();
                    default -> { }
                }
            }
        }
        Properties parameters = execution.getJobParameters();
        return new Progress(executionId, execution.getJobName(), execution.getBatchStatus(), parameters.getProperty("from"), parameters.getProperty("to"),
                read, written, filtered, instant(execution.getStartTime()), instant(execution.getEndTime()), execution.getExitStatus());
    }

    /** The newest imports, newest first. */
    public List<Progress> recent(int limit) {
        JobOperator jobs = operator();
        if (!jobs.getJobNames().contains(JOB)) {
            return List.of();
        }
        return jobs.getJobInstances(JOB, 0, limit).stream()
                .flatMap(instance -> jobs.getJobExecutions(instance).stream())
                .sorted((a, b) -> Long.compare(b.getExecutionId(), a.getExecutionId()))
                .limit(limit)
                .map(e -> progress(e.getExecutionId()))
                .toList();
    }

    public Optional<Progress> running() {
        JobOperator jobs = operator();
        if (!jobs.getJobNames().contains(JOB)) {
            return Optional.empty();
        }
        return jobs.getRunningExecutions(JOB).stream().findFirst().map(this::progress);
    }

    /** A page of the processor's settled transactions (the reader's source). */
    @PermitAll  // the import job's reader and writer, on a batch thread without a caller
    public List<SettledTransaction> page(Instant from, Instant to, String after, int limit) {
        try {
            return processors.require().settledTransactions(from, to, after, limit);
        } catch (ProcessorUnavailable e) {
            // Fails the chunk: the job stops here and a restart resumes from the last checkpoint.
            throw new IllegalStateException("The processor could not list settled transactions: " + e.getMessage(), e);
        }
    }

    /** Records a chunk of settled payments as receipts, in the chunk's transaction. */
    @PermitAll
    public void record(List<SettledTransaction> transactions) {
        intake.recordAll(transactions.stream().map(t -> new ReceiptIntake.ProcessorFacts(t.paymentId() != null ? t.paymentId() : t.source(),
                t.source(), t.id(), t.gross(), t.fee(), t.net(), t.payout(), t.created().atOffset(ZoneOffset.UTC), t.checkoutReference(),
                t.description())).toList(), "receipt import");
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }
}
