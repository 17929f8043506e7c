package org.quittance.web.staff;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.quittance.billing.boundary.InvoicePreviews;
import org.quittance.billing.boundary.PublishedVersions;
import org.quittance.billing.entity.PublishedInvoice;
import org.quittance.platform.control.RuleViolation;

import java.io.IOException;

/**
 * PDFs for staff: ?invoice=ID draws a live preview (marked DRAFT or PREVIEW); ?published=ID serves the
 * stored bytes of a published version, exactly as the client gets them.
 */
@WebServlet("/invoice-pdf")
public class InvoicePdfServlet extends HttpServlet {

    @EJB
    InvoicePreviews previews;

    @EJB
    PublishedVersions versions;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            if (request.getParameter("published") != null) {
                PublishedInvoice version = versions.byId(Long.parseLong(request.getParameter("published"))).orElse(null);
                if (version == null) {
                    response.sendError(HttpServletResponse.SC_NOT_FOUND);
                    return;
                }
                send(response, version.pdf(), version.number() + (version.documentNo() > 1 ? "-v" + version.documentNo() : "") + ".pdf");
            } else if (request.getParameter("invoice") != null) {
                long id = Long.parseLong(request.getParameter("invoice"));
                send(response, previews.pdf(id), "invoice-" + id + "-preview.pdf");
            } else {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST, "Give ?invoice= or ?published=");
            }
        } catch (NumberFormatException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "Not an id");
        } catch (RuntimeException e) {
            if (e instanceof RuleViolation || e.getCause() instanceof RuleViolation) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            throw e;
        }
    }

    private static void send(HttpServletResponse response, byte[] pdf, String fileName) throws IOException {
        org.quittance.platform.boundary.PdfDownload.send(response, pdf, fileName, true);
    }
}
