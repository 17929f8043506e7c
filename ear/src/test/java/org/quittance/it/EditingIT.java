package org.quittance.it;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quittance.audit.boundary.AuditTrail;
import org.quittance.billing.boundary.Billing;
import org.quittance.billing.entity.Expense;
import org.quittance.billing.entity.Invoice;
import org.quittance.billing.entity.TimeEntry;
import org.quittance.clients.boundary.ClientDirectory;
import org.quittance.clients.entity.ClientKind;
import org.quittance.money.Money;
import org.quittance.platform.control.RuleViolation;
import org.quittance.portal.entity.PortalUser;
import org.quittance.portal.entity.PortalUserState;
import org.quittance.security.control.Passwords;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Staff correct what was typed wrong: a client's details, a contact's name and e-mail (for a contact
 * with a portal the e-mail is the login, and the change says what it does to it), unbilled work.
 */
@ExtendWith(ArquillianExtension.class)
class EditingIT {

    private static final String PASSWORD = "harbour lights at dusk";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.quittanceWith(EditingIT.class);
    }

    @EJB
    ClientDirectory clients;

    @EJB
    BillingFixtures fixtures;

    @EJB
    Billing billing;

    @EJB
    AuditTrail audit;

    @PersistenceContext(unitName = "quittance")
    EntityManager em;

    @Resource
    UserTransaction tx;

    @Test
    void aClientsDetailsAreCorrectedAndTheAuditTrailSaysWho() {
        BillingFixtures.Scenario s = fixtures.client(false);
        clients.updateClient(s.clientId(), "Harbour Lights Limited", ClientKind.ORGANISATION, "Unit 5, Harbour Quay\nBristol BS1 5TT");
        assertEquals("Harbour Lights Limited", clients.client(s.clientId()).name());
        assertEquals("Unit 5, Harbour Quay\nBristol BS1 5TT", clients.client(s.clientId()).address());
        assertTrue(audit.of(AuditTrail.CLIENT, s.clientId()).stream()
                .anyMatch(e -> e.action().equals("client changed") && e.actor().equals(Deployments.TEST_ADMIN)));
    }

    @Test
    void aPendingInvitationGoesAgainToTheNewAddress() {
        BillingFixtures.Scenario s = fixtures.client(false);  // its portal is invited, not registered
        String corrected = "corrected-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

        String outcome = clients.updateContact(s.contactId(), "Maria Lopez", corrected);

        assertTrue(outcome.contains("invitation was sent again, to " + corrected), outcome);
        assertEquals(corrected, portal(s.portalUserId()).email());
        assertEquals(1L, mails(corrected, "Your client portal at %"));
        assertEquals(0L, count("SELECT COUNT(*) FROM portal_invitation WHERE portal_user_id = ? AND used_at IS NULL AND revoked_at IS NULL"
                + " AND id <> (SELECT MAX(id) FROM portal_invitation WHERE portal_user_id = ?)", s.portalUserId(), s.portalUserId()),
                "the link sent to the mistyped address no longer works");
    }

    @Test
    void aRegisteredLoginKeepsItsPasswordAndBothAddressesAreTold() throws Exception {
        BillingFixtures.Scenario s = fixtures.colleague(fixtures.client(false).clientId());  // registered
        tx.begin();
        em.find(PortalUser.class, s.portalUserId()).changePassword(Passwords.hash(PASSWORD));
        tx.commit();
        String moved = "moved-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

        String outcome = clients.updateContact(s.contactId(), "Colleague", moved);

        assertTrue(outcome.contains("keeps the password and signs in with " + moved), outcome);
        PortalUser user = portal(s.portalUserId());
        assertEquals(moved, user.email());
        assertEquals(PortalUserState.REGISTERED, user.state());
        assertTrue(Passwords.matches(PASSWORD, user.password()));
        assertEquals(1L, mails(s.email(), "Your client portal login has changed"));
        assertEquals(1L, mails(moved, "Your client portal login is now this address"));
    }

    @Test
    void anAddressThatIsAnotherPortalsLoginOrNoAddressAtAllIsRefused() {
        BillingFixtures.Scenario first = fixtures.client(false);
        BillingFixtures.Scenario second = fixtures.client(false);
        RuleViolation taken = assertThrows(RuleViolation.class, () -> clients.updateContact(second.contactId(), "Second", first.email()));
        assertTrue(taken.getMessage().contains("already the portal login of another contact"), taken.getMessage());
        RuleViolation none = assertThrows(RuleViolation.class, () -> clients.updateContact(second.contactId(), "Second", ""));
        assertTrue(none.getMessage().contains("cannot be removed"), none.getMessage());
        assertEquals(second.email(), portal(second.portalUserId()).email(), "nothing changed");
    }

    @Test
    void aContactWithoutAPortalJustChanges() {
        BillingFixtures.Scenario s = fixtures.client(false);
        Long contact = clients.addContact(s.clientId(), "Accounts Dept", "acounts@example.com", false).id();
        assertEquals("", clients.updateContact(contact, "Accounts Department", "accounts@example.com"));
        assertTrue(clients.contacts(s.clientId()).stream().anyMatch(c -> c.email().equals("accounts@example.com")));
    }

    @Test
    void unbilledWorkIsCorrectedOrDeletedButNotWhileOnAnInvoice() {
        BillingFixtures.Scenario s = fixtures.client(false);
        TimeEntry entry = billing.recordTime(s.matterId(), s.staffId(), LocalDate.now().minusDays(1), new BigDecimal("1.00"), "Call wiht client");
        TimeEntry corrected = billing.correctTime(entry.id(), LocalDate.now().minusDays(2), new BigDecimal("1.50"), "Call with client");
        assertEquals(new BigDecimal("1.50"), corrected.hours());
        assertEquals("Call with client", corrected.narrative());
        assertEquals(Money.of("300.00", "GBP"), corrected.value(), "1.5 h at the matter's 200.00");
        assertThrows(EJBException.class, () -> billing.correctTime(entry.id(), LocalDate.now().plusDays(3), BigDecimal.ONE, "Tomorrow"),
                "a date in the future is refused as when recording");

        Expense expense = billing.recordExpense(s.matterId(), LocalDate.now(), "Courier", new BigDecimal("18.50"));
        billing.deleteExpense(expense.id());
        assertTrue(billing.unbilled(s.matterId()).expenses().isEmpty());

        Invoice draft = billing.createInvoice(s.matterId(), Set.of(entry.id()), Set.of(), Set.of());
        RuleViolation onDraft = assertThrows(RuleViolation.class, () -> billing.deleteTime(entry.id()));
        assertTrue(onDraft.getMessage().contains("delete the draft"), onDraft.getMessage());
        assertThrows(RuleViolation.class, () -> billing.correctTime(entry.id(), LocalDate.now(), BigDecimal.ONE, "Changed under the invoice"));

        billing.deleteDraft(draft.id());
        assertEquals(1, billing.unbilled(s.matterId()).time().size(), "the draft's work is unbilled again");
        billing.deleteTime(entry.id());
        assertTrue(billing.unbilled(s.matterId()).time().isEmpty());
    }

    private PortalUser portal(Long id) {
        em.clear();
        return em.find(PortalUser.class, id);
    }

    private long mails(String recipient, String subjectLike) {
        return count("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ? AND subject LIKE ?", recipient, subjectLike);
    }

    private long count(String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return ((Number) query.getSingleResult()).longValue();
    }
}
