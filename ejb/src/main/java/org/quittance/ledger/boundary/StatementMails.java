package org.quittance.ledger.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.quittance.firm.boundary.FirmSettings;
import org.quittance.firm.entity.Firm;
import org.quittance.ledger.control.Statement;
import org.quittance.mail.boundary.Mailer;
import org.quittance.platform.control.PublicLinks;
import org.quittance.portal.entity.PortalUser;
import org.quittance.portal.entity.PortalUserState;

import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The monthly statement by e-mail, for the portal users who asked for it: on the first of each month
 * (a persistent timer), for each client a user serves, a mail with last month's closing balance and a
 * link to the statement in the portal (no attachment, as for invoices). One mail per user, client and
 * month: the outbox's key makes a repeated or interrupted run send nothing twice.
 */
@Stateless
public class StatementMails {

    private static final Logger LOG = Logger.getLogger(StatementMails.class.getName());

    @PersistenceContext
    EntityManager em;

    @EJB
    Statements statements;

    @EJB
    FirmSettings firmSettings;

    @EJB
    Mailer mailer;

    @Resource
    SessionContext context;

    @Schedule(dayOfMonth = "1", hour = "6", minute = "45", persistent = true, info = "monthly statements")
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void monthly() {
        int sent = run(YearMonth.now().minusMonths(1));
        LOG.info(() -> "Monthly statements: " + sent + " mailed");
    }

    /** @return how many statements of this month were mailed now */
    @PermitAll  // the timer's work; tests run it for a given month
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int run(@NotNull YearMonth month) {
        @SuppressWarnings("unchecked")
        List<Object[]> pairs = em.createNativeQuery("""
                        SELECT u.id, c.client_id FROM portal_user u JOIN contact c ON c.portal_user_id = u.id
                        WHERE u.monthly_statement AND u.state = 'REGISTERED' ORDER BY u.id, c.client_id""").getResultList();
        StatementMails self = context.getBusinessObject(StatementMails.class);
        int sent = 0;
        for (Object[] pair : pairs) {
            if (self.send(((Number) pair[0]).longValue(), ((Number) pair[1]).longValue(), month)) {
                sent++;
            }
        }
        return sent;
    }

    /** @return false if nothing was due: no statement to send (nothing owed, nothing moved), or sent before */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean send(long portalUserId, long clientId, @NotNull YearMonth month) {
        PortalUser user = em.find(PortalUser.class, portalUserId);
        if (user == null || user.state() != PortalUserState.REGISTERED || !user.monthlyStatement()) {
            return false;
        }
        Optional<Statement> statement = statements.forPortal(user.email(), clientId, month.atDay(1), Statements.lastDay(month));
        if (statement.isEmpty() || statement.get().quiet()) {
            return false;
        }
        Firm firm = firmSettings.firm();
        String monthName = firm.formats().month(month);
        StringBuilder body = new StringBuilder("Dear ").append(user.contacts().stream().filter(c -> c.client().id() == clientId).map(c -> c.name()).findFirst().orElse("client")).append(",\n\n")
                .append("Your statement of account with ").append(firm.name()).append(" for ").append(monthName)
                .append(" (").append(statement.get().clientName()).append(") is in your client portal.\n\n");
        for (Statement.Account account : statement.get().accounts()) {
            body.append("Balance on ").append(firm.formats().longDate(Statements.lastDay(month))).append(": ")
                    .append(firm.formats().money(account.closing())).append("\n");
        }
        body.append("\nView or download it:\n")
                .append(PublicLinks.portal("statements.xhtml?account=" + clientId + "&month=" + month)).append("\n\n")
                .append("You receive this because you asked for a monthly statement; you can stop it on the same page.\n\n")
                .append(firm.name()).append("\n");
        return mailer.queue("statement:" + portalUserId + ":" + clientId + ":" + month, user.email(),
                "Your statement for " + monthName + " — " + firm.name(), body.toString());
    }

    /** Whether the signed-in portal user gets a monthly statement. */
    @PermitAll
    public boolean wanted(@NotBlank String login) {
        return user(login).map(PortalUser::monthlyStatement).orElse(false);
    }

    @PermitAll
    public void want(@NotBlank String login, boolean wanted) {
        user(login).ifPresent(u -> u.wantMonthlyStatement(wanted));
    }

    private Optional<PortalUser> user(String login) {
        return em.createQuery("SELECT u FROM PortalUser u WHERE u.email = :login", PortalUser.class)
                .setParameter("login", login.toLowerCase(Locale.ROOT)).getResultStream().findFirst();
    }
}
