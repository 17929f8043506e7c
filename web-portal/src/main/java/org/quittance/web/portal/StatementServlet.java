package org.quittance.web.portal;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.quittance.ledger.boundary.Statements;

import java.io.IOException;
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
        java.util.Optional<YearMonth> m = Statements.month(month);
        if (account == null || !account.matches("[1-9]\\d{0,17}") || m.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] pdf = statements.pdfForPortal(request.getRemoteUser(), Long.valueOf(account), m.get().atDay(1), Statements.lastDay(m.get())).orElse(null);
        if (pdf == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        org.quittance.platform.boundary.PdfDownload.send(response, pdf, "statement-" + month + ".pdf", false);
    }
}
