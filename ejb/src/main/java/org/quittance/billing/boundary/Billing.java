package org.quittance.billing.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.*;
import org.quittance.audit.boundary.AuditTrail;
import org.quittance.billing.control.InvoiceNumbers;
import org.quittance.billing.entity.*;
import org.quittance.clients.entity.Matter;
import org.quittance.firm.boundary.FirmSettings;
import org.quittance.firm.control.InvoiceNumberFormat;
import org.quittance.firm.entity.Firm;
import org.quittance.ledger.boundary.Ledgers;
import org.quittance.ledger.entity.EntryKind;
import org.quittance.money.Money;
import org.quittance.platform.control.Amounts;
import org.quittance.platform.control.RuleViolation;
import org.quittance.security.entity.Roles;
import org.quittance.staff.entity.StaffUser;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/** Actions > Billing: recording work, and invoices from draft to final to void. */
@RolesAllowed({Roles.ADMIN, Roles.BILLING})
@Stateless
public class Billing {

    public record Unbilled(List<TimeEntry> time, List<Expense> expenses, List<FixedFee> fixedFees) {
        public Money total(String currency) {
            Money sum = Money.zero(currency);
            for (TimeEntry t : time) sum = sum.plus(t.value());
            for (Expense e : expenses) sum = sum.plus(e.amount());
            for (FixedFee f : fixedFees) sum = sum.plus(f.amount());
            return sum;
        }
    }

    @PersistenceContext
    EntityManager em;

    @EJB
    FirmSettings firmSettings;

    @EJB
    InvoiceNumbers numbers;

    @EJB
    Ledgers ledgers;

    @EJB
    AuditTrail audit;

    public TimeEntry recordTime(@NotNull Long matterId, @NotNull Long staffId,
                                @NotNull(message = "Date is required") @PastOrPresent(message = "Date cannot be in the future") LocalDate date,
                                @NotNull(message = "Hours are required") @DecimalMin(value = "0.01", message = "Hours must be positive")
                                @DecimalMax(value = "24", message = "Hours cannot exceed 24 a day")
                                @Digits(integer = 2, fraction = 2, message = "Hours may have at most 2 decimals") BigDecimal hours,
                                @NotBlank(message = "Narrative is required") @Size(max = 4000) String narrative) {
        Matter matter = matter(matterId);
        StaffUser staff = em.find(StaffUser.class, staffId);
        if (staff == null) {
            throw new RuleViolation("Staff user " + staffId + " does not exist.");
        }
        TimeEntry entry = new TimeEntry(matter, staff, date, hours, matter.rateFor(staff), narrative.trim());
        em.persist(entry);
        return entry;
    }

    public Expense recordExpense(@NotNull Long matterId,
                                 @NotNull(message = "Date is required") LocalDate date,
                                 @NotBlank(message = "Description is required") @Size(max = 2000) String description,
                                 @NotNull(message = "Amount is required") @DecimalMin(value = "0.01", message = "Amount must be positive") BigDecimal amount) {
        Matter matter = matter(matterId);
        Expense expense = new Expense(matter, date, description.trim(), Amounts.exact(amount, matter.currency(), "Amount"));
        em.persist(expense);
        return expense;
    }

    public FixedFee recordFixedFee(@NotNull Long matterId,
                                   @NotNull(message = "Date is required") LocalDate date,
                                   @NotBlank(message = "Description is required") @Size(max = 2000) String description,
                                   @NotNull(message = "Amount is required") @DecimalMin(value = "0.01", message = "Amount must be positive") BigDecimal amount) {
        Matter matter = matter(matterId);
        FixedFee fee = new FixedFee(matter, date, description.trim(), Amounts.exact(amount, matter.currency(), "Amount"));
        em.persist(fee);
        return fee;
    }

    public TimeEntry correctTime(@NotNull Long entryId,
                                 @NotNull(message = "Date is required") @PastOrPresent(message = "Date cannot be in the future") LocalDate date,
                                 @NotNull(message = "Hours are required") @DecimalMin(value = "0.01", message = "Hours must be positive")
                                 @DecimalMax(value = "24", message = "Hours cannot exceed 24 a day")
                                 @Digits(integer = 2, fraction = 2, message = "Hours may have at most 2 decimals") BigDecimal hours,
                                 @NotBlank(message = "Narrative is required") @Size(max = 4000) String narrative) {
        TimeEntry entry = unbilledWork(TimeEntry.class, entryId);
        unbilledChange(() -> entry.correct(date, hours, narrative.trim()));
        return entry;
    }

    public Expense correctExpense(@NotNull Long expenseId,
                                  @NotNull(message = "Date is required") LocalDate date,
                                  @NotBlank(message = "Description is required") @Size(max = 2000) String description,
                                  @NotNull(message = "Amount is required") @DecimalMin(value = "0.01", message = "Amount must be positive") BigDecimal amount) {
        Expense expense = unbilledWork(Expense.class, expenseId);
        unbilledChange(() -> expense.correct(date, description.trim(), Amounts.exact(amount, expense.matter().currency(), "Amount")));
        return expense;
    }

    public FixedFee correctFixedFee(@NotNull Long feeId,
                                    @NotNull(message = "Date is required") LocalDate date,
                                    @NotBlank(message = "Description is required") @Size(max = 2000) String description,
                                    @NotNull(message = "Amount is required") @DecimalMin(value = "0.01", message = "Amount must be positive") BigDecimal amount) {
        FixedFee fee = unbilledWork(FixedFee.class, feeId);
        unbilledChange(() -> fee.correct(date, description.trim(), Amounts.exact(amount, fee.matter().currency(), "Amount")));
        return fee;
    }

    /** Unbilled work recorded by mistake goes; work that is, or was, on an invoice never does (it is part of that invoice's history). */
    public void deleteTime(@NotNull Long id) {
        deleteWork(unbilledWork(TimeEntry.class, id), "timeEntry");
    }

    public void deleteExpense(@NotNull Long id) {
        deleteWork(unbilledWork(Expense.class, id), "expense");
    }

    public void deleteFixedFee(@NotNull Long id) {
        deleteWork(unbilledWork(FixedFee.class, id), "fixedFee");
    }

    private void deleteWork(Object work, String lineField) {
        long onInvoices = em.createQuery("SELECT COUNT(l) FROM InvoiceLine l WHERE l." + lineField + " = :w", Long.class)
                .setParameter("w", work).getSingleResult();
        if (onInvoices > 0) {
            throw new RuleViolation("This work was on an invoice that was voided; it stays, as part of that invoice's history.");
        }
        em.remove(work);
    }

    private <T> T unbilledWork(Class<T> kind, Long id) {
        T work = em.find(kind, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);  // not invoiced while it changes
        if (work == null) {
            throw new RuleViolation("This work no longer exists.");
        }
        boolean billed = work instanceof TimeEntry t ? t.billed() : work instanceof Expense e ? e.billed() : ((FixedFee) work).billed();
        if (billed) {
            throw new RuleViolation("This work is on an invoice; delete the draft (or void the invoice) first.");
        }
        return work;
    }

    private static void unbilledChange(Runnable change) {
        try {
            change.run();
        } catch (IllegalStateException e) {
            throw new RuleViolation(e.getMessage() + ".");
        }
    }

    public Unbilled unbilled(@NotNull Long matterId) {
        return new Unbilled(
                em.createQuery("SELECT t FROM TimeEntry t JOIN FETCH t.staff WHERE t.matter.id = :m AND t.billed = FALSE ORDER BY t.workDate, t.id", TimeEntry.class)
                        .setParameter("m", matterId).getResultList(),
                em.createQuery("SELECT e FROM Expense e WHERE e.matter.id = :m AND e.billed = FALSE ORDER BY e.incurredOn, e.id", Expense.class)
                        .setParameter("m", matterId).getResultList(),
                em.createQuery("SELECT f FROM FixedFee f WHERE f.matter.id = :m AND f.billed = FALSE ORDER BY f.agreedOn, f.id", FixedFee.class)
                        .setParameter("m", matterId).getResultList());
    }

    /** A draft invoice from the selected unbilled work of one matter, at the firm's tax rate. */
    public Invoice createInvoice(@NotNull Long matterId, @NotNull Set<Long> timeEntryIds, @NotNull Set<Long> expenseIds,
                                 @NotNull Set<Long> fixedFeeIds) {
        String createdBy = audit.caller();
        Matter matter = matter(matterId);
        Firm firm = firmSettings.firm();
        Invoice invoice = new Invoice(matter, firm.taxRatePercent(), firm.taxLabel(), createdBy, OffsetDateTime.now());
        for (Long id : timeEntryIds) {
            TimeEntry entry = work(TimeEntry.class, id, matter);
            if (entry.billed()) throw alreadyBilled("Time entry", id);
            invoice.add(InvoiceLine.of(entry));
        }
        for (Long id : fixedFeeIds) {
            FixedFee fee = work(FixedFee.class, id, matter);
            if (fee.billed()) throw alreadyBilled("Fixed fee", id);
            invoice.add(InvoiceLine.of(fee));
        }
        for (Long id : expenseIds) {
            Expense expense = work(Expense.class, id, matter);
            if (expense.billed()) throw alreadyBilled("Expense", id);
            // Disbursements paid on the client's behalf are outside the scope of tax.
            invoice.add(InvoiceLine.of(expense, false));
        }
        em.persist(invoice);
        return invoice;
    }

    public Invoice addLine(@NotNull Long invoiceId, @NotNull(message = "Date is required") LocalDate date,
                           @NotBlank(message = "Description is required") @Size(max = 2000) String description,
                           @NotNull(message = "Quantity is required") @DecimalMin(value = "0.01", message = "Quantity must be positive")
                           @Digits(integer = 7, fraction = 2, message = "Quantity may have at most 2 decimals") BigDecimal quantity,
                           @NotNull(message = "Unit price is required") @DecimalMin(value = "0", message = "Unit price cannot be negative") BigDecimal unitPrice) {
        Invoice invoice = invoice(invoiceId);
        return change(invoice, () -> invoice.add(InvoiceLine.adHoc(date, description.trim(), quantity,
                Amounts.exact(unitPrice, invoice.currency(), "Unit price"))));
    }

    public Invoice removeLine(@NotNull Long invoiceId, @NotNull Long lineId) {
        Invoice invoice = invoice(invoiceId);
        return change(invoice, () -> invoice.removeLine(lineId));
    }

    public Invoice setRates(@NotNull Long invoiceId,
                            @NotNull @DecimalMin(value = "0", message = "Discount cannot be negative") @DecimalMax(value = "100", message = "Discount cannot exceed 100 %") BigDecimal discountPercent,
                            @NotNull @DecimalMin(value = "0", message = "Tax rate cannot be negative") @DecimalMax(value = "99.9999", message = "Tax rate must be below 100 %") BigDecimal taxRatePercent) {
        Invoice invoice = invoice(invoiceId);
        return change(invoice, () -> invoice.setRates(discountPercent, taxRatePercent));
    }

    public void deleteDraft(@NotNull Long invoiceId) {
        Invoice invoice = invoice(invoiceId);
        change(invoice, invoice::releaseAllWork);
        em.remove(invoice);
    }

    /** Final: numbered from the gap-free sequence, dated today, due after the firm's payment terms. */
    public Invoice finalise(@NotNull Long invoiceId) {
        Invoice invoice = invoice(invoiceId);
        if (invoice.state() != InvoiceState.DRAFT) {
            throw new RuleViolation("Invoice " + invoice.number() + " is already " + invoice.state().label().toLowerCase() + ".");
        }
        Firm firm = firmSettings.firm();
        LocalDate today = LocalDate.now();
        String number = numbers.next(InvoiceNumberFormat.parse(firm.invoiceNumberFormat()), today);
        OffsetDateTime now = OffsetDateTime.now();
        change(invoice, () -> invoice.finalise(number, today, firm.paymentTermsDays(), now));
        ledgers.postOnInvoice(invoice.ledgerAccount(), null, EntryKind.INVOICE, "Invoice " + number, invoice.total(), audit.caller(), now);
        audit.record(audit.caller(), AuditTrail.INVOICE, invoice.id(), "finalised", number + ", " + invoice.total() + ", due " + invoice.dueDate());
        return invoice;
    }

    /**
     * Voids a final or published invoice; it keeps its number. With re-issue, a new draft with the
     * same work replaces it (once published, the client sees it as a new version of the document).
     * @return the re-issued draft, or null
     */
    public Invoice voidInvoice(@NotNull Long invoiceId, @NotBlank(message = "Give a reason for voiding") @Size(max = 2000) String reason,
                               boolean reissue) {
        String by = audit.caller();
        Invoice invoice = invoice(invoiceId);
        OffsetDateTime now = OffsetDateTime.now();
        Money owed = invoice.balanceDue();
        change(invoice, () -> invoice.voidInvoice(reason.trim(), !reissue, now));
        ledgers.postOnInvoice(invoice.ledgerAccount(), null, EntryKind.VOID, "Invoice " + invoice.number() + " voided: " + reason.trim(),
                owed.negate(), by, now);
        audit.record(by, AuditTrail.INVOICE, invoice.id(), "voided", invoice.number() + (reissue ? ", re-issued" : "") + ": " + reason.trim());
        if (!reissue) {
            return null;
        }
        Invoice draft = invoice.reissue(by, now);
        em.persist(draft);
        return draft;
    }

    public Invoice invoice(@NotNull Long id) {
        Invoice invoice = em.find(Invoice.class, id);
        if (invoice == null) {
            throw new RuleViolation("Invoice " + id + " does not exist.");
        }
        return invoice;
    }

    public List<Invoice> invoices(@NotNull Long matterId) {
        return em.createQuery("SELECT i FROM Invoice i WHERE i.matter.id = :m ORDER BY i.id DESC", Invoice.class)
                .setParameter("m", matterId).getResultList();
    }

    public List<Invoice> drafts() {
        return em.createQuery("SELECT i FROM Invoice i JOIN FETCH i.matter m JOIN FETCH m.client WHERE i.state = org.quittance.billing.entity.InvoiceState.DRAFT ORDER BY i.id DESC", Invoice.class)
                .getResultList();
    }

    private Invoice change(Invoice invoice, Runnable change) {
        try {
            change.run();
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new RuleViolation(e.getMessage() + ".");
        }
        return invoice;
    }

    private <T> T work(Class<T> type, Long id, Matter matter) {
        T item = em.find(type, id);
        Matter owner = item instanceof TimeEntry t ? t.matter() : item instanceof Expense e ? e.matter() : item instanceof FixedFee f ? f.matter() : null;
        if (item == null || owner == null || !owner.id().equals(matter.id())) {
            throw new RuleViolation(type.getSimpleName() + " " + id + " is not work of matter " + matter.number() + ".");
        }
        return item;
    }

    private static RuleViolation alreadyBilled(String what, Long id) {
        return new RuleViolation(what + " " + id + " is already on another invoice.");
    }

    private Matter matter(Long id) {
        Matter matter = em.find(Matter.class, id);
        if (matter == null) {
            throw new RuleViolation("Matter " + id + " does not exist.");
        }
        if (matter.client().archived()) {
            throw new RuleViolation(matter.client().name() + " is archived: restore the client (Setup › Clients) before billing it.");
        }
        return matter;
    }
}
