package org.quittance.web.portal;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.quittance.firm.boundary.FirmSettings;
import org.quittance.firm.entity.Firm;

import java.io.IOException;

/** The firm's logo for the portal's pages, public like the sign-in page it is on. Always a PNG that Quittance drew (LogoImage). */
@WebServlet("/firm-logo")
public class LogoServlet extends HttpServlet {

    @EJB
    FirmSettings settings;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Firm firm = settings.firm();
        if (firm == null || firm.logo() == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] logo = firm.logo();
        response.setContentType("image/png");
        response.setContentLength(logo.length);
        response.setHeader("Cache-Control", "public, max-age=300");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.getOutputStream().write(logo);
    }
}
