package org.quittance.it;

import jakarta.ejb.EJB;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quittance.billing.boundary.Publishing;
import org.quittance.portal.boundary.PortalInvoices;
import org.quittance.receipts.boundary.ManualReceipts;
import org.quittance.receipts.entity.PaymentMethod;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The portal's lists never hold a client's whole history: the Paid tab comes a page at a time, newest
 * first, each page saying whether an older one follows; the invoice page reads its one row; the Open tab is what is owed.
 */
@ExtendWith(ArquillianExtension.class)
class PortalListsIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.quittanceWith(PortalListsIT.class);
    }

    @EJB BillingFixtures fixtures;
    @EJB Publishing publishing;
    @EJB PortalInvoices portalInvoices;
    @EJB ManualReceipts manualReceipts;

    @Test
    void paidInvoicesComeAPageAtATimeNewestFirstAndAnInvoiceIsReadAlone() {
        fixtures.firmWithPortalInvoicing(true);
        BillingFixtures.Scenario s = fixtures.client(true);
        fixtures.register(s.portalUserId());
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < PortalInvoices.PAGE + 2; i++) {
            ids.add(fixtures.finalInvoice(s).id());
        }
        publishing.start(new HashSet<>(ids));
        Eventually.await("all published", Duration.ofSeconds(60),
                () -> portalInvoices.unpaid(s.email(), s.clientId()).size() == ids.size());
        BigDecimal owed = portalInvoices.unpaid(s.email(), s.clientId()).stream().map(r -> r.balance().amount())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        manualReceipts.enter(new ManualReceipts.Entry(s.clientId(), PaymentMethod.WIRE, "WIRE-" + s.clientId(), LocalDate.now(), owed,
                "GBP", Map.of(), "all of them", UUID.randomUUID().toString()));

        assertTrue(portalInvoices.unpaid(s.email(), s.clientId()).isEmpty(), "nothing owed: the Open tab is empty");
        PortalInvoices.Page firstPage = portalInvoices.paid(s.email(), s.clientId(), List.of(), 0);
        PortalInvoices.Page secondPage = portalInvoices.paid(s.email(), s.clientId(), List.of(), PortalInvoices.PAGE);
        List<PortalInvoices.Row> first = firstPage.rows();
        List<PortalInvoices.Row> second = secondPage.rows();
        assertEquals(PortalInvoices.PAGE, first.size());
        assertTrue(firstPage.older(), "an older page follows the first");
        assertEquals(2, second.size());
        assertFalse(secondPage.older(), "the second is the last");
        assertFalse(portalInvoices.anyReplaced(s.email(), s.clientId()), "none is replaced: the home shows no Replaced tab");
        List<PortalInvoices.Row> both = new ArrayList<>(first);
        both.addAll(second);
        assertEquals(Set.copyOf(ids), Set.copyOf(both.stream().map(PortalInvoices.Row::invoiceId).toList()), "each once, across the pages");
        assertEquals(both.stream().sorted(Comparator.comparing(PortalInvoices.Row::issueDate).thenComparing(PortalInvoices.Row::number)
                .reversed()).toList(), both, "newest first");
        assertTrue(both.stream().allMatch(r -> r.paid() && r.paidOutsidePortal()), "paid, by a wire the firm recorded");

        PortalInvoices.Row one = portalInvoices.row(s.email(), ids.get(0)).orElseThrow();
        assertEquals(ids.get(0), one.invoiceId());
        BillingFixtures.Scenario stranger = fixtures.client(true);
        fixtures.register(stranger.portalUserId());
        assertTrue(portalInvoices.row(stranger.email(), ids.get(0)).isEmpty(), "another client's login finds nothing");
        assertTrue(portalInvoices.paid(stranger.email(), s.clientId(), List.of(), 0).rows().isEmpty(),
                "nor lists anything as paid, even asking for this client");
        assertTrue(portalInvoices.paid(stranger.email(), null, List.of(ids.get(0)), 0).rows().isEmpty(),
                "nor through an invoice it says it paid");
    }
}
