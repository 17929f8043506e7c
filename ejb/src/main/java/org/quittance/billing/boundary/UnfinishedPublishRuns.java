package org.quittance.billing.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import org.quittance.billing.control.PublishRuns;

import java.util.List;
import java.util.logging.Logger;

/**
 * Publish runs that a server stop interrupted: the worker runs in memory, so at start every run not
 * marked finished is handed to it again. It takes only the invoices still PENDING — each one is
 * published in its own transaction together with its outcome, so what was done stays done and an
 * invoice whose transaction the stop cut off is published now, once (e-mails are keyed per invoice
 * and recipient). One server for now; with several, only a dead node's runs may be taken (issue 20).
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

    /** @return the runs handed to the worker again */
    public List<Long> resume() {
        List<PublishRuns.Unfinished> unfinished = runs.unfinished();
        for (PublishRuns.Unfinished run : unfinished) {
            LOG.warning(() -> "Publish run " + run.runId() + " was interrupted by a server stop; publishing the rest of it");
            worker.process(run.runId(), run.startedBy());
        }
        return unfinished.stream().map(PublishRuns.Unfinished::runId).toList();
    }
}
