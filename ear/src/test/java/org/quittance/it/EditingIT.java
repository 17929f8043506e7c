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
    org.quittance.clients.boundary.ClientSearch search;

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

    @Test
    void aClientIsArchivedOnlyWhenNothingIsOpenAndCannotBeBilledUntilRestored() {
        BillingFixtures.Scenario owing = fixtures.client(false);
        fixtures.finalInvoice(owing);
        RuleViolation owes = assertThrows(RuleViolation.class, () -> clients.archiveClient(owing.clientId()));
        assertTrue(owes.getMessage().contains("owes GBP"), owes.getMessage());

        BillingFixtures.Scenario working = fixtures.client(false);
        billing.recordTime(working.matterId(), working.staffId(), LocalDate.now(), BigDecimal.ONE, "Call");
        RuleViolation unbilled = assertThrows(RuleViolation.class, () -> clients.archiveClient(working.clientId()));
        assertTrue(unbilled.getMessage().contains("unbilled work"), unbilled.getMessage());

        BillingFixtures.Scenario done = fixtures.client(false);
        clients.archiveClient(done.clientId());
        assertTrue(clients.client(done.clientId()).archived());
        String name = clients.client(done.clientId()).name();
        ClientDirectory.ClientPage all = clients.clients(null, false, 0, 25);
        assertTrue(all.total() > 0 && !all.rows().isEmpty(), "the first page of every client: " + all);
        assertTrue(clients.clients(name, false, 0, 10).rows().stream().noneMatch(c -> c.id().equals(done.clientId())), "off the lists");
        assertTrue(clients.clients(name, true, 0, 10).rows().stream().anyMatch(c -> c.id().equals(done.clientId()) && c.archived()),
                "still there for its ledger");
        assertTrue(search.matters(clients.matter(done.matterId()).number()).stream().noneMatch(m -> m.id() == done.matterId()),
                "its matters are not offered for billing");
        RuleViolation archived = assertThrows(RuleViolation.class,
                () -> billing.recordTime(done.matterId(), done.staffId(), LocalDate.now(), BigDecimal.ONE, "After the end"));
        assertTrue(archived.getMessage().contains("is archived"), archived.getMessage());
        assertTrue(audit.of(AuditTrail.CLIENT, done.clientId()).stream().anyMatch(e -> e.action().equals("client archived")));

        clients.restoreClient(done.clientId());
        assertNotNull(billing.recordTime(done.matterId(), done.staffId(), LocalDate.now(), BigDecimal.ONE, "Back again").id());
    }

    @Test
    void aMattersCurrencyChangesUntilItsFirstInvoiceAndTheUnbilledWorkFollows() {
        BillingFixtures.Scenario s = fixtures.client(false);
        TimeEntry time = billing.recordTime(s.matterId(), s.staffId(), LocalDate.now(), new BigDecimal("2.00"), "Drafting");
        Expense expense = billing.recordExpense(s.matterId(), LocalDate.now(), "Court fee", new BigDecimal("55.00"));

        String outcome = clients.updateMatter(s.matterId(), "Renamed matter", "EUR", new BigDecimal("180.00"), null);

        assertTrue(outcome.contains("2 unbilled items keep their figures in EUR"), outcome);
        assertEquals("Renamed matter", clients.matter(s.matterId()).title());
        assertEquals(Money.of("180.00", "EUR"), clients.matter(s.matterId()).hourlyRate());
        em.clear();
        assertEquals(Money.of("400.00", "EUR"), em.find(TimeEntry.class, time.id()).value(), "2 h at the 200.00 it was recorded at, now in EUR");
        assertEquals(Money.of("55.00", "EUR"), em.find(Expense.class, expense.id()).amount());

        fixtures.finalInvoice(s);
        RuleViolation invoiced = assertThrows(RuleViolation.class,
                () -> clients.updateMatter(s.matterId(), "Renamed matter", "USD", new BigDecimal("180.00"), null));
        assertTrue(invoiced.getMessage().contains("has invoices in EUR"), invoiced.getMessage());
        assertEquals("", clients.updateMatter(s.matterId(), "Renamed again", "EUR", new BigDecimal("190.00"), null),
                "the rest can still change");
        RuleViolation unknown = assertThrows(RuleViolation.class,
                () -> clients.updateMatter(s.matterId(), "Renamed again", "XYZ", new BigDecimal("190.00"), null));
        assertTrue(unknown.getMessage().contains("is not a currency"), unknown.getMessage());
    }

    @Test
    void aNewMatterGoesToTheChosenPortalUsersOfItsClientOnly() {
        BillingFixtures.Scenario s = fixtures.client(true);
        BillingFixtures.Scenario stranger = fixtures.client(true);
        String suffix = UUID.randomUUID().toString().substring(0, 8);

        Long matter = clients.addMatter(s.clientId(), "N-" + suffix, "New matter", "GBP", new BigDecimal("150.00"), null,
                Set.of(s.portalUserId())).id();

        assertEquals(java.util.List.of(s.email()), clients.recipients(matter).stream().map(ClientDirectory.Recipient::email).toList());
        assertEquals(java.util.List.of(s.portalUserId()), clients.newMatterRecipients(s.clientId()).ticked(),
                "the form ticks the portal users of a client with portal invoices on");
        BillingFixtures.Scenario off = fixtures.client(false);
        assertTrue(clients.newMatterRecipients(off.clientId()).ticked().isEmpty(), "and nobody when they are off");
        assertEquals(1, clients.newMatterRecipients(off.clientId()).offered().size(), "though its portal user is offered");
        assertThrows(RuleViolation.class, () -> clients.addMatter(s.clientId(), "X-" + suffix, "Someone else's", "GBP",
                new BigDecimal("150.00"), null, Set.of(stranger.portalUserId())), "a portal user of another client cannot receive it");
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
