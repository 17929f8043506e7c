package org.quittance.billing.control;

import org.quittance.money.Money;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;

/** An invoice that can still be paid, as the portal's pay page, receipt matching and allocation see it (clientId and matterId may be unknown to the portal). */
public record OpenInvoice(Long invoiceId, String number, Long clientId, Long matterId, LocalDate dueDate, Money balance) implements java.io.Serializable {

    /** The columns every open-invoice query selects: SQL shared by matching and the manual receipt form. */
    public static final String COLUMNS = "i.id, i.number, m.client_id, m.id, i.due_date, i.balance_due, i.currency";

    /** A row of {@link #COLUMNS}. */
    public static OpenInvoice of(Object[] r) {
        return new OpenInvoice(((Number) r[0]).longValue(), (String) r[1], ((Number) r[2]).longValue(), ((Number) r[3]).longValue(),
                r[4] == null ? null : ((Date) r[4]).toLocalDate(), Money.of((BigDecimal) r[5], ((String) r[6]).trim()));
    }
}
