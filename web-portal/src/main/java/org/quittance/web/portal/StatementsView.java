package org.quittance.web.portal;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.quittance.ledger.boundary.StatementMails;
import org.quittance.ledger.boundary.Statements;
import org.quittance.ledger.control.AgeBand;
import org.quittance.ledger.control.Statement;
import org.quittance.ledger.entity.StatementHeading;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Statements: the chosen month's statement of account on the page (?month=2026-11; this month so far by
 * default), the months there are statements for, and the monthly e-mail the user may ask for.
 */
@Named
@RequestScoped
public class StatementsView {

    /** How far back the page lists months; older statements stay a URL away. */
    static final int MONTHS_LISTED = 24;

    @EJB
    Statements statements;

    @EJB
    StatementMails mails;

    @Inject
    AccountView account;

    private Optional<Statement> statement;
    private List<YearMonth> months;
    private Boolean monthly;

    /** The month asked for, bounded: anything else is this month. */
    public YearMonth getMonth() {
        return Statements.month(FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("month"))
                .orElseGet(YearMonth::now);
    }

    public boolean isCurrentMonth() {
        return getMonth().equals(YearMonth.now());
    }

    /** The last day the statement covers: the month's end, or today for this month. */
    public LocalDate getEnd() {
        return Statements.lastDay(getMonth());
    }

    public Statement getStatement() {
        if (statement == null) {
            statement = account.currentId() == null ? Optional.empty()
                    : statements.forPortal(login(), account.currentId(), getMonth().atDay(1), getEnd());
        }
        return statement.orElse(null);
    }

    public List<Statement.Account> getAccounts() {
        return getStatement() == null ? List.of() : getStatement().accounts();
    }

    /** Newest first, from this month back to the first with an entry (at most {@link #MONTHS_LISTED}). */
    public List<YearMonth> getMonths() {
        if (months == null) {
            months = new ArrayList<>();
            Optional<LocalDate> first = account.currentId() == null ? Optional.empty() : statements.firstDayForPortal(login(), account.currentId());
            YearMonth oldest = first.map(YearMonth::from).orElse(YearMonth.now());
            for (YearMonth m = YearMonth.now(); !m.isBefore(oldest) && months.size() < MONTHS_LISTED; m = m.minusMonths(1)) {
                months.add(m);
            }
        }
        return months;
    }

    public StatementHeading[] getHeadings() {
        return StatementHeading.values();
    }

    public AgeBand[] getBands() {
        return AgeBand.values();
    }

    public boolean isMonthly() {
        if (monthly == null) {
            monthly = mails.wanted(login());
        }
        return monthly;
    }

    public void setMonthly(boolean monthly) {
        this.monthly = monthly;
    }

    public void saveMonthly() {
        mails.want(login(), isMonthly());
        FacesContext.getCurrentInstance().addMessage(null, new jakarta.faces.application.FacesMessage(isMonthly()
                ? "You will receive your statement by e-mail at the start of each month." : "No more monthly statements by e-mail."));
    }

    private static String login() {
        return FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
    }
}
