package org.quittance.web.staff;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.quittance.billing.boundary.Billing;
import org.quittance.billing.entity.Expense;
import org.quittance.billing.entity.FixedFee;
import org.quittance.billing.entity.Invoice;
import org.quittance.billing.entity.TimeEntry;
import org.quittance.clients.boundary.ClientDirectory;
import org.quittance.clients.boundary.ClientSearch;
import org.quittance.clients.entity.Matter;
import org.quittance.staff.boundary.StaffAccounts;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Actions > Billing: a matter's unbilled work, recording more, and a draft invoice from a selection. */
@Named
@ViewScoped
public class BillingView implements Serializable {

    @EJB
    transient Billing billing;

    @EJB
    transient ClientDirectory directory;

    @EJB
    transient ClientSearch search;

    @EJB
    transient StaffAccounts staffAccounts;

    private Long matterId;
    private Matter matter;
    /** The matter as the picker shows it, read once per choice. */
    private ClientSearch.Pick matterPick;
    private List<TimeEntry> time = List.of();
    private List<Expense> expenses = List.of();
    private List<FixedFee> fees = List.of();
    private List<TimeEntry> selectedTime = new ArrayList<>();
    private List<Expense> selectedExpenses = new ArrayList<>();
    private List<FixedFee> selectedFees = new ArrayList<>();
    private List<Invoice> invoices = List.of();
    private List<Invoice> drafts = List.of();

    private LocalDate workDate = LocalDate.now();
    private BigDecimal hours;
    private String narrative;
    private LocalDate expenseDate = LocalDate.now();
    private String expenseDescription;
    private BigDecimal expenseAmount;
    private String feeDescription;
    private BigDecimal feeAmount;
    /** The unbilled work being corrected: "time", "expense" or "fee", and its id. */
    private String correcting;
    private Long correctingId;
    private LocalDate correctDate;
    private BigDecimal correctHours;
    private BigDecimal correctAmount;
    private String correctText;

    @PostConstruct
    void init() {
        drafts = billing.drafts();
    }

    public void loadMatter() {
        matter = matterId == null ? null : directory.matter(matterId);
        if (matterId == null) {
            time = List.of();
            expenses = List.of();
            fees = List.of();
            invoices = List.of();
            return;
        }
        Billing.Unbilled unbilled = billing.unbilled(matterId);
        time = unbilled.time();
        expenses = unbilled.expenses();
        fees = unbilled.fixedFees();
        selectedTime = new ArrayList<>(time);
        selectedExpenses = new ArrayList<>(expenses);
        selectedFees = new ArrayList<>(fees);
        invoices = billing.invoices(matterId);
        drafts = billing.drafts();
    }

    public void recordTime() {
        Long me = staffAccounts.byUsername(Feedback.user()).id();
        if (Feedback.run(() -> billing.recordTime(matterId, me, workDate, hours, narrative), "Time recorded.")) {
            hours = null;
            narrative = null;
        }
        loadMatter();
    }

    public void recordExpense() {
        if (Feedback.run(() -> billing.recordExpense(matterId, expenseDate, expenseDescription, expenseAmount), "Expense recorded.")) {
            expenseDescription = null;
            expenseAmount = null;
        }
        loadMatter();
    }

    public void recordFixedFee() {
        if (Feedback.run(() -> billing.recordFixedFee(matterId, LocalDate.now(), feeDescription, feeAmount), "Fixed fee recorded.")) {
            feeDescription = null;
            feeAmount = null;
        }
        loadMatter();
    }

    public void correct(TimeEntry t) {
        correcting = "time";
        correctingId = t.id();
        correctDate = t.workDate();
        correctHours = t.hours();
        correctText = t.narrative();
    }

    public void correct(Expense e) {
        correcting = "expense";
        correctingId = e.id();
        correctDate = e.incurredOn();
        correctAmount = e.amount().amount();
        correctText = e.description();
    }

    public void correct(FixedFee f) {
        correcting = "fee";
        correctingId = f.id();
        correctDate = f.agreedOn();
        correctAmount = f.amount().amount();
        correctText = f.description();
    }

    public void saveCorrection() {
        boolean done = switch (correcting) {
            case "time" -> Feedback.run(() -> billing.correctTime(correctingId, correctDate, correctHours, correctText), "Time entry corrected.");
            case "expense" -> Feedback.run(() -> billing.correctExpense(correctingId, correctDate, correctText, correctAmount), "Expense corrected.");
            default -> Feedback.run(() -> billing.correctFixedFee(correctingId, correctDate, correctText, correctAmount), "Fixed fee corrected.");
        };
        if (done) {
            correcting = null;
            loadMatter();
        }
    }

    public void cancelCorrection() {
        correcting = null;
    }

    public void deleteTime(TimeEntry t) {
        if (Feedback.run(() -> billing.deleteTime(t.id()), "Time entry deleted.")) {
            loadMatter();
        }
    }

    public void deleteExpense(Expense e) {
        if (Feedback.run(() -> billing.deleteExpense(e.id()), "Expense deleted.")) {
            loadMatter();
        }
    }

    public void deleteFee(FixedFee f) {
        if (Feedback.run(() -> billing.deleteFixedFee(f.id()), "Fixed fee deleted.")) {
            loadMatter();
        }
    }

    public String createInvoice() {
        if (selectedTime.isEmpty() && selectedExpenses.isEmpty() && selectedFees.isEmpty()) {
            Feedback.error("Select the work to bill.");
            return null;
        }
        Invoice draft = Feedback.attempt(() -> billing.createInvoice(matterId, ids(selectedTime, TimeEntry::id),
                ids(selectedExpenses, Expense::id), ids(selectedFees, FixedFee::id)), null);
        if (draft == null) {
            loadMatter();
            return null;
        }
        return "/invoice.xhtml?faces-redirect=true&id=" + draft.id();
    }

    private static <T> Set<Long> ids(List<T> items, java.util.function.Function<T, Long> id) {
        return items.stream().map(id).collect(Collectors.toCollection(HashSet::new));
    }

    public Matter getMatter() {
        return matter;
    }

    /** For the matter picker: a few matters whose number, title or client contains the text. */
    public List<ClientSearch.Pick> findMatters(String text) {
        return search.matters(text);
    }

    public ClientSearch.Pick getMatterPick() {
        if (matterId != null && (matterPick == null || matterPick.id() != matterId)) {
            matterPick = search.matter(matterId).orElse(null);
        }
        return matterId == null ? null : matterPick;
    }

    public void setMatterPick(ClientSearch.Pick pick) {
        matterPick = pick;
        matterId = pick == null ? null : pick.id();
    }

    public String getUnbilledTotal() {
        Matter matter = getMatter();
        return matter == null ? "" : new Billing.Unbilled(time, expenses, fees).total(matter.currency()).toString();
    }

    public Long getMatterId() { return matterId; }
    public void setMatterId(Long matterId) { this.matterId = matterId; }
    public List<TimeEntry> getTime() { return time; }
    public List<Expense> getExpenses() { return expenses; }
    public List<FixedFee> getFees() { return fees; }
    public List<TimeEntry> getSelectedTime() { return selectedTime; }
    public void setSelectedTime(List<TimeEntry> v) { this.selectedTime = v; }
    public List<Expense> getSelectedExpenses() { return selectedExpenses; }
    public void setSelectedExpenses(List<Expense> v) { this.selectedExpenses = v; }
    public List<FixedFee> getSelectedFees() { return selectedFees; }
    public void setSelectedFees(List<FixedFee> v) { this.selectedFees = v; }
    public List<Invoice> getInvoices() { return invoices; }
    public List<Invoice> getDrafts() { return drafts; }
    public LocalDate getWorkDate() { return workDate; }
    public void setWorkDate(LocalDate v) { this.workDate = v; }
    public BigDecimal getHours() { return hours; }
    public void setHours(BigDecimal v) { this.hours = v; }
    public String getNarrative() { return narrative; }
    public void setNarrative(String v) { this.narrative = v; }
    public LocalDate getExpenseDate() { return expenseDate; }
    public void setExpenseDate(LocalDate v) { this.expenseDate = v; }
    public String getExpenseDescription() { return expenseDescription; }
    public void setExpenseDescription(String v) { this.expenseDescription = v; }
    public BigDecimal getExpenseAmount() { return expenseAmount; }
    public void setExpenseAmount(BigDecimal v) { this.expenseAmount = v; }
    public String getFeeDescription() { return feeDescription; }
    public void setFeeDescription(String v) { this.feeDescription = v; }
    public BigDecimal getFeeAmount() { return feeAmount; }
    public String getCorrecting() { return correcting; }
    public LocalDate getCorrectDate() { return correctDate; }
    public void setCorrectDate(LocalDate v) { this.correctDate = v; }
    public BigDecimal getCorrectHours() { return correctHours; }
    public void setCorrectHours(BigDecimal v) { this.correctHours = v; }
    public BigDecimal getCorrectAmount() { return correctAmount; }
    public void setCorrectAmount(BigDecimal v) { this.correctAmount = v; }
    public String getCorrectText() { return correctText; }
    public void setCorrectText(String v) { this.correctText = v; }
    public void setFeeAmount(BigDecimal v) { this.feeAmount = v; }
}
