package org.quittance.billing.control;

import org.quittance.billing.entity.Invoice;
import org.quittance.billing.entity.InvoiceState;
import org.quittance.firm.entity.Firm;
import org.quittance.portal.entity.PortalUserState;

import java.util.Optional;

/** Why an invoice cannot be published to the portal, in words for the staff member who tried. */
public final class PublishEligibility {

    private PublishEligibility() {
    }

    public static Optional<String> refusal(Invoice invoice, Firm firm) {
        if (!firm.portalInvoicing()) {
            return Optional.of("Publishing to the portal is off for the firm (Setup > Firm > Billing and A/R).");
        }
        if (invoice.state() != InvoiceState.FINAL) {
            return Optional.of(switch (invoice.state()) {
                case DRAFT -> "It is a draft: finalise it first.";
                case VOID -> "It is void.";
                default -> "It is already published.";
            });
        }
        var matter = invoice.matter();
        if (!matter.client().portalInvoices()) {
            return Optional.of("Portal invoices are off for " + matter.client().name() + " (Setup > Clients > Contact Info).");
        }
        boolean anyRecipient = matter.recipients().stream().anyMatch(u -> u.state() != PortalUserState.DISABLED);
        if (!anyRecipient) {
            return Optional.of("Matter " + matter.number() + " has no registered or invited portal recipient.");
        }
        return Optional.empty();
    }
}
