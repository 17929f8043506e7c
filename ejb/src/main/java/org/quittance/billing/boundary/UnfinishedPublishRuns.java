package org.quittance.billing.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import org.quittance.billing.control.PublishRuns;
import org.quittance.platform.boundary.JobLeases;
import org.quittance.platform.control.ClusterNode;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Publish runs that a server stop interrupted: the worker runs in the memory of the node that started the
 * run, which renews the run's lease while it lives (JobLeases' periods). At start a node takes its own
 * unfinished runs back, and every ten seconds any node takes those whose node stopped renewing them; a
 * taken run goes on in the name of who started it. Only the invoices still PENDING are published — each
 * in its own transaction together with its outcome, so what was done stays done and an invoice whose
 * transaction the stop cut off is published now, once (e-mails are keyed per invoice and recipient).
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class UnfinishedPublishRuns {

    private static final Logger LOG = Logger.getLogger(UnfinishedPublishRuns.class.getName());

    @EJB
    PublishRuns runs;

    @EJB
    PublishWorker worker;

    @PostConstruct
    void atStart() {
        resume();
    }

    /** This node's own runs and those of stopped nodes. @return the runs handed to the worker again */
    public List<Long> resume() {
        return hand(runs.takeOver(true, JobLeases.LEASE));
    }

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false, info = "publish run leases")
    public void renewAndSweep() {
        try {
            runs.renew();
            hand(runs.takeOver(false, JobLeases.LEASE));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not renew or look for publish runs of stopped nodes", e);
        }
    }

    private List<Long> hand(List<PublishRuns.Unfinished> unfinished) {
        for (PublishRuns.Unfinished run : unfinished) {
            LOG.warning(() -> "Publish run " + run.runId() + " was interrupted when " + run.stoppedNode() + " stopped; publishing the rest of it on "
                    + ClusterNode.name());
            worker.process(run.runId(), run.startedBy());
        }
        return unfinished.stream().map(PublishRuns.Unfinished::runId).toList();
    }
}
