package org.quittance.reminders.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import org.quittance.audit.boundary.AuditTrail;
import org.quittance.billing.entity.Invoice;
import org.quittance.firm.boundary.FirmSettings;
import org.quittance.firm.entity.Firm;
import org.quittance.mail.boundary.Mailer;
import org.quittance.money.Money;
import org.quittance.platform.control.PublicLinks;
import org.quittance.platform.control.RuleViolation;
import org.quittance.portal.entity.PortalUser;
import org.quittance.portal.entity.PortalUserState;
import org.quittance.reminders.control.ReminderSchedule;
import org.quittance.security.entity.Roles;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Reminds clients of their open, published invoices on the firm's schedule: once a day (a persistent
 * timer), each invoice in a transaction of its own that records the reminder under its stage, so a run
 * repeated or cut off by a restart sends nothing twice. An invoice paid, under dispute, or of a client
 * left out gets none; a partly paid one says what remains. Staff can send one now from the invoice.
 */
@RolesAllowed({Roles.ADMIN, Roles.BILLING})
@Stateless
public class PaymentReminders {

    private static final Logger LOG = Logger.getLogger(PaymentReminders.class.getName());

    /** A reminder as staff see it on the invoice. */
    public record Sent(String stage, Money balance, int recipients, OffsetDateTime sentAt, String sentBy) implements java.io.Serializable {
    }

    @PersistenceContext
    EntityManager em;

    @EJB
    FirmSettings firmSettings;

    @EJB
    Mailer mailer;

    @EJB
    AuditTrail audit;

    @Resource
    SessionContext context;

    @Schedule(hour = "7", minute = "30", persistent = true, info = "payment reminders")
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void daily() {
        int sent = run(LocalDate.now());
        LOG.info(() -> "Payment reminders: " + sent + " sent");
    }

    /** @return how many invoices were reminded on this day */
    @PermitAll  // the timer's work; tests run it for a given day
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int run(@NotNull LocalDate today) {
        Firm firm = firmSettings.firm();
        if (!firm.remindersEnabled()) {
            return 0;
        }
        ReminderSchedule schedule = schedule(firm);
        PaymentReminders self = context.getBusinessObject(PaymentReminders.class);
        int sent = 0;
        for (Object[] row : candidates(schedule.latestDueDateToLookAt(today))) {
            long invoiceId = ((Number) row[0]).longValue();
            LocalDate dueDate = ((java.sql.Date) row[1]).toLocalDate();
            LocalDate publishedOn = ((java.sql.Date) row[2]).toLocalDate();
            Set<String> stages = row[3] == null ? Set.of() : new HashSet<>(Arrays.asList(((String) row[3]).split(",")));
            Optional<ReminderSchedule.Stage> stage = schedule.due(today, dueDate, publishedOn, stages);
            if (stage.isPresent() && self.send(invoiceId, stage.get().key(), stage.get().kind(), "reminder schedule")) {
                sent++;
            }
        }
        return sent;
    }

    /** The client contests the invoice: no reminder until the dispute is settled. */
    public void dispute(@NotNull Long invoiceId, @NotNull @jakarta.validation.constraints.Size(min = 1, max = 500) String reason) {
        if (reason.isBlank()) {
            throw new RuleViolation("Say why the client disputes the invoice.");
        }
        Invoice invoice = invoice(invoiceId);
        if (!invoice.awaitsPayment()) {
            throw new RuleViolation("Only a published invoice that is still open can be disputed.");
        }
        invoice.dispute(reason.strip(), OffsetDateTime.now());
        audit.recordAsCaller(AuditTrail.INVOICE, invoiceId, "disputed", invoice.number() + ": " + reason.strip());
    }

    public void settleDispute(@NotNull Long invoiceId) {
        Invoice invoice = invoice(invoiceId);
        invoice.settleDispute();
        audit.recordAsCaller(AuditTrail.INVOICE, invoiceId, "dispute settled", invoice.number());
    }

    private Invoice invoice(Long invoiceId) {
        Invoice invoice = em.find(Invoice.class, invoiceId);
        if (invoice == null) {
            throw new RuleViolation("No such invoice.");
        }
        return invoice;
    }

    /** Staff's "Send a reminder now": one a day per invoice, whatever the schedule says. */
    public void sendNow(@NotNull Long invoiceId) {
        Invoice invoice = invoice(invoiceId);
        ReminderSchedule.Kind kind = invoice.dueDate().isBefore(LocalDate.now()) ? ReminderSchedule.Kind.OVERDUE
                : invoice.dueDate().isEqual(LocalDate.now()) ? ReminderSchedule.Kind.DUE : ReminderSchedule.Kind.BEFORE;
        String by = context.getCallerPrincipal().getName();
        if (!context.getBusinessObject(PaymentReminders.class).send(invoiceId, "STAFF-" + LocalDate.now(), kind, by)) {
            throw new RuleViolation("A reminder of " + invoice.number() + " was sent today already, or it cannot be reminded "
                    + "(paid, not published, under dispute, or its client is left out of reminders).");
        }
        audit.recordAsCaller(AuditTrail.INVOICE, invoiceId, "reminder sent", invoice.number());
    }

    /** @return false if this stage was sent before, or the invoice is no longer one to remind of */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean send(long invoiceId, String stage, ReminderSchedule.Kind kind, String by) {
        Invoice invoice = em.find(Invoice.class, invoiceId, LockModeType.PESSIMISTIC_WRITE);
        if (invoice == null || !remindable(invoiceId)) {
            return false;
        }
        List<PortalUser> recipients = invoice.matter().recipients().stream()
                .filter(u -> u.state() != PortalUserState.DISABLED).sorted(java.util.Comparator.comparing(PortalUser::id)).toList();
        int recorded = em.createNativeQuery("""
                        INSERT INTO invoice_reminder (invoice_id, stage, balance, currency, recipients, sent_at, sent_by)
                        VALUES (?, ?, ?, ?, ?, now(), ?) ON CONFLICT (invoice_id, stage) DO NOTHING""")
                .setParameter(1, invoiceId).setParameter(2, stage).setParameter(3, invoice.balanceDue().amount())
                .setParameter(4, invoice.currency()).setParameter(5, recipients.size()).setParameter(6, by).executeUpdate();
        if (recorded == 0) {
            return false;
        }
        Firm firm = firmSettings.firm();
        for (PortalUser recipient : recipients) {
            mail(invoice, kind, recipient, firm, stage);
        }
        return true;
    }

    /** What was sent for an invoice, oldest first. */
    public List<Sent> sentFor(@NotNull Long invoiceId) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT stage, balance, currency, recipients, sent_at, sent_by FROM invoice_reminder
                        WHERE invoice_id = ? ORDER BY sent_at, id""")
                .setParameter(1, invoiceId).getResultList();
        return rows.stream().map(r -> new Sent((String) r[0], Money.of((BigDecimal) r[1], ((String) r[2]).trim()),
                ((Number) r[3]).intValue(), r[4] instanceof OffsetDateTime t ? t : ((java.sql.Timestamp) r[4]).toInstant().atOffset(java.time.ZoneOffset.UTC),
                (String) r[5])).toList();
    }

    /**
     * Open and published, not under dispute (staff's flag, or a chargeback on a receipt that paid it), of a
     * client not left out: the one rule of both the daily run's query and each reminder's own check.
     */
    private static final String REMINDABLE = """
            i.state IN ('PUBLISHED', 'PARTLY_PAID') AND i.balance_due > 0 AND i.published_at IS NOT NULL
            AND i.disputed_at IS NULL AND c.reminders
            AND NOT EXISTS (SELECT 1 FROM receipt_allocation a JOIN receipt rc ON rc.id = a.receipt_id WHERE a.invoice_id = i.id AND rc.disputed)""";

    private boolean remindable(long invoiceId) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM invoice i JOIN matter m ON m.id = i.matter_id JOIN client c ON c.id = m.client_id"
                + " WHERE i.id = ? AND " + REMINDABLE).setParameter(1, invoiceId).getSingleResult()).longValue() > 0;
    }

    /** Open, published invoices due by then, with the stages sent already; not disputed, not charged back, client not left out. */
    @SuppressWarnings("unchecked")
    private List<Object[]> candidates(LocalDate dueBy) {
        return em.createNativeQuery("""
                        SELECT i.id, i.due_date, CAST(i.published_at AS date), (SELECT string_agg(r.stage, ',') FROM invoice_reminder r WHERE r.invoice_id = i.id)
                        FROM invoice i JOIN matter m ON m.id = i.matter_id JOIN client c ON c.id = m.client_id
                        WHERE i.due_date <= ? AND """ + " " + REMINDABLE + " ORDER BY i.due_date, i.id")
                .setParameter(1, dueBy).getResultList();
    }

    private static ReminderSchedule schedule(Firm firm) {
        return new ReminderSchedule(firm.reminderDaysBefore(), firm.reminderOnDueDate(), firm.reminderEveryDays(), firm.reminderMaxOverdue());
    }

    private void mail(Invoice invoice, ReminderSchedule.Kind kind, PortalUser recipient, Firm firm, String stage) {
        String number = invoice.number();
        String due = firm.formats().longDate(invoice.dueDate());
        String balance = firm.formats().money(invoice.balanceDue());
        String subject = switch (kind) {
            case BEFORE -> "Reminder: invoice " + number + " is due on " + due;
            case DUE -> "Reminder: invoice " + number + " is due today";
            case OVERDUE -> "Overdue: invoice " + number + " was due on " + due;
        };
        StringBuilder body = new StringBuilder("Dear ").append(recipient.contact() == null ? "client" : recipient.contact().name()).append(",\n\n");
        switch (kind) {
            case BEFORE -> body.append("A friendly reminder that invoice ").append(number).append(" from ").append(firm.name())
                    .append(" is due on ").append(due).append(".\n\n");
            case DUE -> body.append("Invoice ").append(number).append(" from ").append(firm.name()).append(" is due today.\n\n");
            case OVERDUE -> body.append("Our records show that invoice ").append(number).append(" from ").append(firm.name())
                    .append(", due on ").append(due).append(", is not yet paid in full.\n\n");
        }
        body.append("Amount due: ").append(balance);
        if (invoice.balanceDue().compareTo(invoice.total()) < 0) {
            body.append(" (of ").append(firm.formats().money(invoice.total())).append(": thank you for what you have paid)");
        }
        body.append("\nMatter:     ").append(invoice.matter().number()).append(" (").append(invoice.matter().title()).append(")\n\n")
                .append("View and pay it in your client portal:\n").append(PublicLinks.portal("invoice.xhtml?id=" + invoice.id())).append("\n\n");
        body.append(recipient.unregisteredNote());
        body.append("If you have paid in the last few days, thank you, and please disregard this reminder. If something on the\n")
                .append("invoice is not right, reply to let us know and we will pause reminders while we look into it.\n\n")
                .append(firm.name()).append("\n");
        mailer.queue("reminder:" + invoice.id() + ":" + stage + ":" + recipient.id(), recipient.email(), subject, body.toString());
    }
}
