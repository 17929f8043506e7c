package org.quittance.web.portal;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.quittance.payments.boundary.PortalPayments;

import java.io.IOException;

/** The receipt of a confirmed card payment, for a user of the paying client; anyone else gets 404. */
@WebServlet("/receipt")
public class ReceiptServlet extends HttpServlet {

    @EJB
    PortalPayments payments;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String reference = request.getParameter("checkout");
        byte[] pdf = reference == null || reference.isBlank() ? null : payments.receipt(request.getRemoteUser(), reference).orElse(null);
        if (pdf == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        org.quittance.platform.boundary.PdfDownload.send(response, pdf, "receipt-" + reference + ".pdf", false);
    }
}
