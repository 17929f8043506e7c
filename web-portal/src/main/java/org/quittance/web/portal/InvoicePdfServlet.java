package org.quittance.web.portal;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.quittance.billing.entity.PublishedInvoice;
import org.quittance.portal.boundary.PortalInvoices;

import java.io.IOException;

/** The published PDF of an invoice, for a user who may see it; anyone else gets 404. */
@WebServlet("/invoice-pdf")
public class InvoicePdfServlet extends HttpServlet {

    @EJB
    PortalInvoices invoices;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long id;
        try {
            id = Long.parseLong(request.getParameter("id"));
        } catch (NumberFormatException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        PublishedInvoice invoice = invoices.invoice(request.getRemoteUser(), id).orElse(null);
        if (invoice == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        org.quittance.platform.boundary.PdfDownload.send(response, invoice.pdf(), invoice.number() + ".pdf", false);
    }
}
