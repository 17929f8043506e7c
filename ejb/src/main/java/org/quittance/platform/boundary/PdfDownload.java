package org.quittance.platform.boundary;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * A PDF sent to the browser, as both web apps send every one (invoices, receipts, statements, prints):
 * the file name made safe, never cached, never sniffed as something else.
 */
public final class PdfDownload {

    private PdfDownload() {
    }

    /** From a servlet. @param inline shown in the browser rather than saved */
    public static void send(HttpServletResponse response, byte[] pdf, String fileName, boolean inline) throws IOException {
        response.setContentType("application/pdf");
        response.setContentLength(pdf.length);
        response.setHeader("Content-Disposition", disposition(fileName, inline));
        response.setHeader("Cache-Control", "private, no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.getOutputStream().write(pdf);
    }

    /** As the answer to a Faces action (a non-ajax button): the page is not drawn. */
    public static void send(FacesContext faces, byte[] pdf, String fileName) throws IOException {
        ExternalContext external = faces.getExternalContext();
        external.responseReset();
        external.setResponseContentType("application/pdf");
        external.setResponseContentLength(pdf.length);
        external.setResponseHeader("Content-Disposition", disposition(fileName, false));
        external.setResponseHeader("Cache-Control", "private, no-store");
        external.setResponseHeader("X-Content-Type-Options", "nosniff");
        external.getResponseOutputStream().write(pdf);
        faces.responseComplete();
    }

    private static String disposition(String fileName, boolean inline) {
        return (inline ? "inline" : "attachment") + "; filename=\"" + fileName.replaceAll("[^A-Za-z0-9._-]", "_") + "\"";
    }
}
