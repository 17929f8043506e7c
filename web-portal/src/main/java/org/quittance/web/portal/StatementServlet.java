package org.quittance.web.portal;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.quittance.ledger.boundary.Statements;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;

/** A month's statement of account as a PDF (?account=ID&month=2026-11), for a user of that client; anyone else gets 404. */
@WebServlet("/statement")
public class StatementServlet extends HttpServlet {

    @EJB
    Statements statements;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String account = request.getParameter("account");
        String month = request.getParameter("month");
        if (account == null || !account.matches("[1-9]\\d{0,17}") || month == null || !month.matches("20\\d\\d-(0[1-9]|1[0-2])")
                || YearMonth.parse(month).isAfter(YearMonth.now())) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        YearMonth m = YearMonth.parse(month);
        LocalDate end = m.equals(YearMonth.now()) ? LocalDate.now() : m.atEndOfMonth();
        byte[] pdf = statements.pdfForPortal(request.getRemoteUser(), Long.valueOf(account), m.atDay(1), end).orElse(null);
        if (pdf == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        org.quittance.platform.boundary.PdfDownload.send(response, pdf, "statement-" + month + ".pdf", false);
    }
}
