package org.quittance.platform.boundary;

import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Takes the running node's lease on an execution when it starts and gives it back when it ends (JobLeases). */
@Named
@Dependent
public class JobLeaseListener extends AbstractJobListener {

    @Inject
    JobContext job;

    @EJB
    JobLeases leases;

    @Override
    public void beforeJob() {
        leases.take(job.getExecutionId());
    }

    @Override
    public void afterJob() {
        leases.release(job.getExecutionId());
    }
}
