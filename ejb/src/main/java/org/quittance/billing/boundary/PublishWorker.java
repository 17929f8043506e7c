package org.quittance.billing.boundary;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.OptimisticLockException;
import org.quittance.billing.control.InvoicePublisher;
import org.quittance.billing.control.PublishRuns;
import org.quittance.platform.control.RuleViolation;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Works through a publish run in the background, one transaction per invoice. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PublishWorker {

    private static final Logger LOG = Logger.getLogger(PublishWorker.class.getName());

    @EJB
    InvoicePublisher publisher;

    @EJB
    PublishRuns runs;

    @Asynchronous
    public void process(long runId, String by) {
        for (Long invoiceId : runs.pending(runId)) {
            try {
                publisher.publish(runId, invoiceId, by);
            } catch (RuleViolation e) {
                runs.recordAlone(runId, invoiceId, PublishRuns.Outcome.SKIPPED, e.getMessage());
            } catch (RuntimeException e) {
                if (causedBy(e, OptimisticLockException.class)) {
                    runs.recordAlone(runId, invoiceId, PublishRuns.Outcome.SKIPPED, InvoicePublisher.CONCURRENT);
                } else {
                    LOG.log(Level.WARNING, "Publishing invoice " + invoiceId + " failed", e);
                    runs.recordAlone(runId, invoiceId, PublishRuns.Outcome.FAILED, "Failed: " + rootMessage(e));
                }
            }
        }
        runs.finish(runId);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t) || t.getClass().getName().endsWith("OptimisticLockException")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
