package org.quittance.billing.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.validation.constraints.NotNull;
import org.quittance.audit.boundary.AuditTrail;
import org.quittance.billing.control.PublishRuns;
import org.quittance.firm.boundary.FirmSettings;
import org.quittance.platform.control.RuleViolation;
import org.quittance.security.entity.Roles;

import java.util.List;
import java.util.Set;

/**
 * Review > Publish selected. Starting a run records the selection and returns at once; the
 * invoices are published in the background (see PublishWorker) while the screen polls
 * {@link #progress(long)}.
 */
@RolesAllowed({Roles.ADMIN, Roles.BILLING})
@Stateless
public class Publishing {

    @EJB
    AuditTrail audit;

    public record Skipped(Long invoiceId, String number, String client, String outcome, String reason) implements java.io.Serializable {
    }

    public record Progress(long runId, int total, int published, int skipped, int failed, boolean finished, List<Skipped> notPublished) implements java.io.Serializable {
        public int done() {
            return published + skipped + failed;
        }

        public int percent() {
            return total == 0 ? 100 : done() * 100 / total;
        }
    }

    @EJB
    PublishRuns runs;

    @EJB
    PublishWorker worker;

    @EJB
    FirmSettings firmSettings;

    /** @return the run to follow with {@link #progress(long)} */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long start(@NotNull Set<Long> invoiceIds) {
        String by = audit.caller();
        if (invoiceIds.isEmpty()) {
            throw new RuleViolation("Select at least one invoice to publish.");
        }
        if (!firmSettings.firm().portalInvoicing()) {
            throw new RuleViolation("Publishing to the portal is off for the firm. An administrator can turn it on in Setup > Firm > Billing and A/R.");
        }
        long runId = runs.create(invoiceIds, by);
        worker.process(runId, by);
        return runId;
    }

    public Progress progress(long runId) {
        PublishRuns.Tally tally = runs.tally(runId);
        return new Progress(runId, tally.total(), tally.published(), tally.skipped(), tally.failed(), tally.finished(),
                tally.notPublished().stream().map(n -> new Skipped(n.invoiceId(), n.number(), n.client(), n.outcome().name(), n.reason())).toList());
    }
}
