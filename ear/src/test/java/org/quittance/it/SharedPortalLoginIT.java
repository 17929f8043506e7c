package org.quittance.it;

import jakarta.ejb.EJB;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quittance.clients.boundary.ClientDirectory;
import org.quittance.firm.boundary.FirmSettings;
import org.quittance.money.Money;
import org.quittance.payments.boundary.PortalPayments;
import org.quittance.payments.entity.BillingAddress;
import org.quittance.platform.control.RuleViolation;
import org.quittance.portal.boundary.PortalAccess;
import org.quittance.portal.boundary.PortalInvoices;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * One person who pays for two clients (a director of two companies) has one portal login: Add portal
 * on the second client's contact joins the login the first made. The portal lists, balances and
 * payments are per client, and nobody else sees anything of either.
 */
@ExtendWith(ArquillianExtension.class)
class SharedPortalLoginIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final BillingAddress ADDRESS = new BillingAddress("Director", "1 Quay Street", null, "Bristol", "BS1 5TT", "GB");

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.quittanceWith(Deployments.testModule(SharedPortalLoginIT.class, BillingFixtures.class, BillingFixtures.Scenario.class,
                Eventually.class));
    }

    @EJB BillingFixtures fixtures;
    @EJB FirmSettings settings;
    @EJB ClientDirectory clients;
    @EJB PortalAccess portals;
    @EJB PortalInvoices portalInvoices;
    @EJB PortalPayments payments;

    @PersistenceContext(unitName = "quittance")
    EntityManager em;

    @BeforeEach
    void sandboxAccount() {
        fixtures.firmWithPortalInvoicing(true);
        fixtures.sandboxAccount();
    }

    @Test
    void oneLoginServesTwoClientsAndEachClientsListsAreItsOwn() throws Exception {
        BillingFixtures.Published first = fixtures.registeredClientWithPublishedInvoice();
        BillingFixtures.Published second = fixtures.sameLoginAtAnotherClient(first);
        String login = first.email();

        assertEquals(List.of(first.clientId(), second.clientId()).stream().sorted().toList(),
                portalInvoices.accounts(login).stream().map(PortalInvoices.Account::clientId).sorted().toList(), "the client chooser");
        assertEquals(List.of(first.invoiceId()), ids(portalInvoices.unpaid(login, first.clientId())));
        assertEquals(List.of(second.invoiceId()), ids(portalInvoices.unpaid(login, second.clientId())));
        assertEquals(Money.of("600.00", "GBP"), PortalInvoices.balanceDue(portalInvoices.unpaid(login, second.clientId())).get("GBP"),
                "each client's Balance Due is its own");
        assertEquals(1L, count("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ? AND subject LIKE 'Your client portal now shows %'", login),
                "the registered holder is told that the login shows another client");
        assertTrue(clients.contacts(second.clientId()).get(0).shared(), "staff see that the login is shared");

        RuleViolation mixed = assertThrows(RuleViolation.class, () -> payments.payable(login, Set.of(first.invoiceId(), second.invoiceId())));
        assertTrue(mixed.getMessage().contains("different accounts"), mixed.getMessage());

        String url = payments.startCheckout(login, UUID.randomUUID().toString(), Map.of(second.invoiceId(), new BigDecimal("600.00")), ADDRESS);
        assertNotNull(SandboxClient.pay(url.substring(url.lastIndexOf('/') + 1), "4242 4242 4242 4242", "12/34", "123", "Director"));
        SandboxClient.deliverWebhooks();
        Eventually.await("the payment recorded", WAIT, () -> payments.history(login, second.clientId()).stream().anyMatch(PortalPayments.Payment::succeeded));
        assertTrue(payments.history(login, first.clientId()).isEmpty(), "the first client's payment history does not show the second's payment");
    }

    @Test
    void nobodyElseSeesEitherClientAndRemovingOneClientLeavesTheOther() {
        BillingFixtures.Published first = fixtures.registeredClientWithPublishedInvoice();
        BillingFixtures.Published second = fixtures.sameLoginAtAnotherClient(first);
        BillingFixtures.Published colleague = fixtures.colleagueOnAnotherMatter(second);  // another login of the second client
        String login = first.email();

        assertEquals(List.of(colleague.invoiceId()), ids(portalInvoices.unpaid(colleague.email(), (Long) null)), "a colleague sees only the matter it receives");
        assertTrue(portalInvoices.invoice(colleague.email(), first.invoiceId()).isEmpty());
        assertTrue(portalInvoices.unpaid(colleague.email(), first.clientId()).isEmpty(), "naming the other client in the request finds nothing");
        assertTrue(portalInvoices.unpaid(login, colleague.clientId()).stream().noneMatch(r -> r.invoiceId().equals(colleague.invoiceId())),
                "the director does not receive the colleague's matter either");

        Long contact = clients.contacts(second.clientId()).stream().filter(ClientDirectory.ContactRow::shared).findFirst().orElseThrow().id();
        String outcome = portals.removePortal(contact);

        assertTrue(outcome.contains("keeps") || outcome.contains("stays"), outcome);
        assertEquals(List.of(first.clientId()), portalInvoices.accounts(login).stream().map(PortalInvoices.Account::clientId).toList());
        assertEquals(List.of(first.invoiceId()), ids(portalInvoices.unpaid(login, (Long) null)), "the second client's invoices are gone from the login");
        assertEquals(0L, count("""
                SELECT COUNT(*) FROM matter_recipient r JOIN matter m ON m.id = r.matter_id JOIN portal_user u ON u.id = r.portal_user_id
                WHERE u.email = ? AND m.client_id = """ + second.clientId(), login), "nor is it a recipient of the second client's matters");
        assertFalse(clients.contacts(first.clientId()).get(0).shared());
    }

    private static List<Long> ids(List<PortalInvoices.Row> rows) {
        return rows.stream().map(PortalInvoices.Row::invoiceId).toList();
    }

    private long count(String sql, Object parameter) {
        return ((Number) em.createNativeQuery(sql).setParameter(1, parameter).getSingleResult()).longValue();
    }
}
