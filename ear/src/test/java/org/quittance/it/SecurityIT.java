package org.quittance.it;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quittance.clients.entity.Client;
import org.quittance.clients.entity.ClientKind;
import org.quittance.clients.entity.Contact;
import org.quittance.portal.entity.PortalUser;
import org.quittance.security.control.Passwords;
import org.quittance.staff.boundary.StaffAccounts;
import org.quittance.staff.entity.StaffRole;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Staff and portal users live in separate realms: each signs in to its own application and not to
 * the other, with the session id renewed at sign-in. Driven over HTTP like a browser would.
 */
@ExtendWith(ArquillianExtension.class)
class SecurityIT {

    private static final String PASSWORD = "a long enough password 1";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.quittanceWith(SecurityIT.class);
    }

    @ArquillianResource
    URL testModuleUrl;

    @EJB
    StaffAccounts staffAccounts;

    @PersistenceContext(unitName = "quittance")
    EntityManager em;

    @Resource
    UserTransaction tx;

    private String staffUser;
    private String portalUser;

    @BeforeEach
    void createOneUserInEachRealm() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        staffUser = "staff-" + suffix;
        staffAccounts.create(staffUser, "Security Test", staffUser + "@example.com", PASSWORD, EnumSet.of(StaffRole.BILLING));

        portalUser = "client-" + suffix + "@example.com";
        tx.begin();
        Client client = new Client("Security Test " + suffix, ClientKind.INDIVIDUAL);
        em.persist(client);
        Contact contact = new Contact(client, "Client " + suffix, portalUser, true);
        em.persist(contact);
        em.persist(PortalUser.registered(contact, portalUser, Passwords.hash(PASSWORD)));
        tx.commit();
    }

    @Test
    void aStaffUserSignsInToTheStaffAppWithANewSessionId() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> loginPage = browser.get("/staff/");
        assertEquals(200, loginPage.statusCode());
        assertTrue(loginPage.body().contains("j_security_check"), "the sign-in page is served for /staff/");
        String sessionBefore = browser.sessionId("/staff");

        HttpResponse<String> afterLogin = browser.signIn("/staff", staffUser, PASSWORD);

        assertEquals(302, afterLogin.statusCode(), "a successful sign-in redirects to the page asked for");
        assertNotEquals(sessionBefore, browser.sessionId("/staff"), "session fixation: the id changes at sign-in");
        HttpResponse<String> home = browser.get("/staff/");
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("Welcome, " + staffUser), home.body());
    }

    @Test
    void aPortalUserSignsInToThePortal() throws Exception {
        Browser browser = new Browser();
        browser.get("/portal/");
        assertEquals(302, browser.signIn("/portal", portalUser, PASSWORD).statusCode());
        HttpResponse<String> home = browser.get("/portal/");
        assertTrue(home.body().contains("Your invoices"), home.body());
    }

    @Test
    void aStaffUserCannotSignInToThePortalNorAPortalUserToTheStaffApp() throws Exception {
        Browser staffInPortal = new Browser();
        staffInPortal.get("/portal/");
        HttpResponse<String> refused = staffInPortal.signIn("/portal", staffUser, PASSWORD);
        assertTrue(refused.body().contains("not right"), "the portal realm does not know staff users");
        assertFalse(staffInPortal.get("/portal/").body().contains("Your invoices"));

        Browser clientInStaff = new Browser();
        clientInStaff.get("/staff/");
        refused = clientInStaff.signIn("/staff", portalUser, PASSWORD);
        assertTrue(refused.body().contains("not right"), "the staff realm does not know portal users");
        assertFalse(clientInStaff.get("/staff/").body().contains("Welcome"));
    }

    @Test
    void aWrongPasswordIsRefused() throws Exception {
        Browser browser = new Browser();
        browser.get("/staff/");
        HttpResponse<String> refused = browser.signIn("/staff", staffUser, PASSWORD + "x");
        assertEquals(200, refused.statusCode());
        assertTrue(refused.body().contains("not right"));
    }

    @Test
    void fiveWrongPasswordsLockThePortalLoginEvenAgainstTheRightOne() throws Exception {
        for (int i = 0; i < 5; i++) {
            Browser attacker = new Browser();
            attacker.get("/portal/");
            assertTrue(attacker.signIn("/portal", portalUser, "guess-" + i).body().contains("not right"));
        }
        Browser owner = new Browser();
        owner.get("/portal/");
        assertTrue(owner.signIn("/portal", portalUser, PASSWORD).body().contains("not right"), "locked: even the right password is refused");

        // Fifteen minutes later (simulated), the right password works and the count starts again.
        tx.begin();
        em.createNativeQuery("UPDATE portal_user SET locked_until = now() - interval '1 second' WHERE email = ?")
                .setParameter(1, portalUser).executeUpdate();
        tx.commit();
        Browser later = new Browser();
        later.get("/portal/");
        assertEquals(302, later.signIn("/portal", portalUser, PASSWORD).statusCode());
        assertTrue(later.get("/portal/").body().contains("Your invoices"));
    }

    @Test
    void aSuccessfulSignInClearsEarlierFailures() throws Exception {
        for (int i = 0; i < 4; i++) {
            Browser typo = new Browser();
            typo.get("/portal/");
            typo.signIn("/portal", portalUser, "typo-" + i);
        }
        Browser owner = new Browser();
        owner.get("/portal/");
        assertEquals(302, owner.signIn("/portal", portalUser, PASSWORD).statusCode());
        owner.get("/portal/");
        Browser typoAgain = new Browser();
        typoAgain.get("/portal/");
        typoAgain.signIn("/portal", portalUser, "typo-again");
        Browser ownerAgain = new Browser();
        ownerAgain.get("/portal/");
        assertEquals(302, ownerAgain.signIn("/portal", portalUser, PASSWORD).statusCode(), "4 + 1 failures around a success do not lock");
    }

    /** A cookie-keeping HTTP client that does not follow redirects, so each step can be checked. */
    private final class Browser {
        private final CookieManager cookies = new CookieManager();
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> signIn(String context, String user, String password) throws Exception {
            String form = "j_username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                    + "&j_password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
            return http.send(HttpRequest.newBuilder(uri(context + "/j_security_check"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        String sessionId(String context) {
            return cookies.getCookieStore().get(uri(context + "/")).stream()
                    .filter(c -> c.getName().equals("JSESSIONID"))
                    .map(HttpCookie::getValue)
                    .findFirst().orElse(null);
        }

        private URI uri(String path) {
            return URI.create("http://" + testModuleUrl.getHost() + ":" + testModuleUrl.getPort() + path);
        }
    }
}
