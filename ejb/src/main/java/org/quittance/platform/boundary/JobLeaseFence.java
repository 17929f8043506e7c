package org.quittance.platform.boundary;

import jakarta.batch.api.chunk.listener.AbstractChunkListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * Before each chunk, in its transaction: an execution whose lease another node took over (its node only
 * seemed dead) stops here instead of running beside its restart. The execution keeps the reason the
 * take-over wrote (JobLeases, InterruptedImports).
 */
@Named
@Dependent
public class JobLeaseFence extends AbstractChunkListener {

    private static final Logger LOG = Logger.getLogger(JobLeaseFence.class.getName());

    @Inject
    JobContext job;

    @EJB
    JobLeases leases;

    @Override
    public void beforeChunk() {
        long execution = job.getExecutionId();
        Optional<String> takenOver = leases.takenOver(execution);
        if (takenOver.isPresent()) {
            job.setExitStatus(takenOver.get());
            LOG.warning(() -> "Execution " + execution + " was taken over by another node while this one seemed dead; it stops here");
            throw new IllegalStateException("Execution " + execution + " was taken over by another node");
        }
    }
}
