package org.quittance.it;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
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
import org.quittance.audit.boundary.AuditTrail;
import org.quittance.billing.boundary.Billing;
import org.quittance.clients.entity.Client;
import org.quittance.clients.entity.ClientKind;
import org.quittance.clients.entity.Contact;
import org.quittance.firm.boundary.FirmSettings;
import org.quittance.mail.boundary.Outbox;
import org.quittance.platform.control.RuleViolation;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.stream.Stream;

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
        return Deployments.quittanceWith(SecurityIT.class, AsBilling.class);
    }

    @ArquillianResource
    URL testModuleUrl;

    @EJB
    StaffAccounts staffAccounts;

    @EJB
    org.quittance.portal.boundary.PortalPasswords passwords;

    @EJB
    AsBilling asBilling;

    @EJB
    AuditTrail audit;

    @EJB
    Outbox outbox;

    @EJB
    FirmSettings firmSettings;

    @EJB
    Billing billing;

    @EJB
    org.quittance.staff.boundary.StaffPasswords staffPasswords;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    jakarta.enterprise.concurrent.ManagedExecutorService executor;

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
        assertTrue(home.body().contains("Waiting for you") && home.body().contains(staffUser), home.body());
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
        assertFalse(clientInStaff.get("/staff/").body().contains("Waiting for you"));
    }

    @Test
    void aPasswordChangeEndsTheUsersOtherSessions() throws Exception {
        Browser elsewhere = new Browser();
        elsewhere.get("/portal/");
        assertEquals(302, elsewhere.signIn("/portal", portalUser, PASSWORD).statusCode());
        assertTrue(elsewhere.get("/portal/").body().contains("Your invoices"));

        passwords.change(portalUser, PASSWORD, "granite lanterns drift south");

        HttpResponse<String> after = elsewhere.get("/portal/");
        assertEquals(302, after.statusCode(), "the old session is over");
        assertFalse(elsewhere.get("/portal/").body().contains("Your invoices"));
        Browser again = new Browser();
        again.get("/portal/");
        assertEquals(302, again.signIn("/portal", portalUser, "granite lanterns drift south").statusCode());
        assertTrue(again.get("/portal/").body().contains("Your invoices"));
    }

    @Test
    void twoPostsOfOneResetLinkAtOnceSetOnePassword() throws Exception {
        passwords.requestReset(portalUser, randomAddress());
        String body = (String) em.createNativeQuery("SELECT body FROM mail_outbox WHERE recipient = ? AND message_key LIKE 'portal-password-reset:%'")
                .setParameter(1, portalUser).getSingleResult();
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("token=([^\\s]+)").matcher(body);
        assertTrue(link.find(), body);
        String token = java.net.URLDecoder.decode(link.group(1), StandardCharsets.UTF_8);

        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.List<java.util.concurrent.Future<String>> posts = new java.util.ArrayList<>();
        for (String password : new String[]{"first quiet harbour tide", "second quiet harbour tide"}) {
            posts.add(executor.submit(() -> {
                start.await();
                try {
                    return passwords.reset(token, password);
                } catch (jakarta.ejb.EJBException | org.quittance.platform.control.RuleViolation e) {
                    return null;
                }
            }));
        }
        start.countDown();
        long succeeded = 0;
        for (java.util.concurrent.Future<String> post : posts) {
            if (post.get(30, java.util.concurrent.TimeUnit.SECONDS) != null) {
                succeeded++;
            }
        }
        assertEquals(1, succeeded, "one link, one new password");
    }

    @Test
    void passwordLinksAreLimitedPerAddressAndPerRecipient() throws Exception {
        for (int i = 0; i < 5; i++) {
            passwords.requestReset(portalUser, randomAddress());
        }
        assertEquals(3L, ((Number) em.createNativeQuery("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ? AND message_key LIKE 'portal-password-reset:%'")
                .setParameter(1, portalUser).getSingleResult()).longValue(), "three e-mails an hour to one client, whoever asks");

        String address = randomAddress();
        for (int i = 0; i < 10; i++) {
            passwords.requestReset("nobody-" + i + "-" + UUID.randomUUID() + "@example.com", address);
        }
        org.quittance.platform.control.RuleViolation refused = assertThrows(org.quittance.platform.control.RuleViolation.class,
                () -> passwords.requestReset("nobody-" + UUID.randomUUID() + "@example.com", address));
        assertTrue(refused.getMessage().contains("try again in an hour"), refused.getMessage());
    }

    @Test
    void theOutboxIsForAdministratorsOnly() throws Exception {
        Browser billing = new Browser();
        billing.get("/staff/outbox.xhtml");
        assertEquals(302, billing.signIn("/staff", staffUser, PASSWORD).statusCode());
        HttpResponse<String> outbox = billing.get("/staff/outbox.xhtml");
        assertEquals(403, outbox.statusCode(), "a billing user could read registration links there");
        assertFalse(billing.get("/staff/").body().contains("outbox.xhtml"), "and the menu does not offer it");
    }

    @Test
    void anAdminOnlyOperationIsRefusedToABillingUserEvenIfAPageOffersIt() throws Exception {
        assertThrows(EJBAccessException.class, () -> asBilling.call(() -> audit.recent(null, 1)));
        assertThrows(EJBAccessException.class, () -> asBilling.call(() -> outbox.latest(1)));
        assertThrows(EJBAccessException.class, () -> asBilling.call(() -> staffAccounts.roster()));
        assertThrows(EJBAccessException.class, () -> asBilling.call(() -> {
            firmSettings.setLogo(null, null);
            return null;
        }));
        assertNotNull(asBilling.call(() -> firmSettings.firm()), "reading the firm is for everyone");
        assertNotNull(asBilling.call(() -> billing.drafts()), "billing work is for the billing role");
        assertNotNull(audit.recent(null, 1), "and the administrator (this test's identity) may read the audit trail");
    }

    @Test
    void withoutAStaffIdentityTheStaffFacadesRefuse() throws Exception {
        // A thread of its own carries no identity: what a portal user or a forgotten constraint is to the staff domain.
        FutureTask<Object> anonymous = new FutureTask<>(() -> billing.drafts());
        new Thread(anonymous).start();
        ExecutionException refused = assertThrows(ExecutionException.class, anonymous::get);
        assertInstanceOf(EJBAccessException.class, refused.getCause());

        FutureTask<Object> firm = new FutureTask<>(() -> firmSettings.firm());
        new Thread(firm).start();
        assertNotNull(firm.get());
    }

    @Test
    void theAuditTrailNamesTheCallerThatTheEjbsSee() {
        assertEquals(Deployments.TEST_ADMIN, audit.caller());
        assertEquals(AuditTrail.SYSTEM, asBilling.call(() -> audit.caller()), "a bean that runs as a role (a timer, the demo data) acts as the server");
    }

    @Test
    void aDisabledStaffUserCannotSignInAndTheirOpenSessionEnds() throws Exception {
        Browser billie = new Browser();
        billie.get("/staff/");
        assertEquals(302, billie.signIn("/staff", staffUser, PASSWORD).statusCode());
        assertEquals(200, billie.get("/staff/").statusCode());
        Long id = staffAccounts.byUsername(staffUser).id();

        staffAccounts.setEnabled(id, false);
        assertEquals(302, billie.get("/staff/").statusCode(), "the open session is over");
        Browser again = new Browser();
        again.get("/staff/");
        assertTrue(again.signIn("/staff", staffUser, PASSWORD).body().contains("not right"), "and the right password is refused");

        staffAccounts.setEnabled(id, true);
        Browser enabled = new Browser();
        enabled.get("/staff/");
        assertEquals(302, enabled.signIn("/staff", staffUser, PASSWORD).statusCode());
        assertTrue(staffAccounts.roster().stream().anyMatch(u -> u.username().equals(staffUser) && u.lastSignIn() != null && u.enabled()));
    }

    @Test
    void aChangeOfRolesEndsTheSessionsAndTheNextSignInCarriesTheNewRoles() throws Exception {
        Browser billie = new Browser();
        billie.get("/staff/");
        assertEquals(302, billie.signIn("/staff", staffUser, PASSWORD).statusCode());
        assertEquals(200, billie.get("/staff/").statusCode());
        assertEquals(403, billie.get("/staff/setup/staff.xhtml").statusCode());

        staffAccounts.changeRoles(staffAccounts.byUsername(staffUser).id(), EnumSet.of(StaffRole.ADMIN, StaffRole.BILLING));
        assertEquals(302, billie.get("/staff/").statusCode(), "signed in with the old roles: over");
        Browser admin = new Browser();
        admin.get("/staff/setup/staff.xhtml");
        assertEquals(302, admin.signIn("/staff", staffUser, PASSWORD).statusCode());
        HttpResponse<String> roster = admin.get("/staff/setup/staff.xhtml");
        assertEquals(200, roster.statusCode());
        assertTrue(roster.body().contains(staffUser), "the administrator sees the staff users");
    }

    @Test
    void theLastActiveAdministratorCanBeNeitherDisabledNorDemoted() throws Exception {
        Long admin = staffAccounts.create("last-" + UUID.randomUUID().toString().substring(0, 8), "Last Admin",
                "last@example.com", PASSWORD, EnumSet.of(StaffRole.ADMIN)).id();
        tx.begin();
        try {
            // Every other administrator disabled, in this transaction only (rolled back below).
            em.createNativeQuery("UPDATE staff_user SET enabled = FALSE WHERE id <> ?").setParameter(1, admin).executeUpdate();
            RuleViolation disabled = assertThrows(RuleViolation.class, () -> staffAccounts.setEnabled(admin, false));
            assertTrue(disabled.getMessage().contains("last active administrator"), disabled.getMessage());
        } finally {
            tx.rollback();
        }
        tx.begin();
        try {
            em.createNativeQuery("UPDATE staff_user SET enabled = FALSE WHERE id <> ?").setParameter(1, admin).executeUpdate();
            RuleViolation demoted = assertThrows(RuleViolation.class, () -> staffAccounts.changeRoles(admin, EnumSet.of(StaffRole.BILLING)));
            assertTrue(demoted.getMessage().contains("make someone else an administrator first"), demoted.getMessage());
        } finally {
            tx.rollback();
        }
        staffAccounts.changeRoles(admin, EnumSet.of(StaffRole.BILLING));  // with the others active again, it may go
        assertFalse(staffAccounts.byUsername(staffAccounts.roster().stream().filter(u -> u.id().equals(admin)).findFirst().orElseThrow().username())
                .roles().contains(StaffRole.ADMIN));
    }

    @Test
    void anAdministratorUnlocksALockedStaffLogin() throws Exception {
        for (int i = 0; i < 5; i++) {
            Browser guess = new Browser();
            guess.get("/staff/");
            guess.signIn("/staff", staffUser, "guess-" + i);
        }
        Browser owner = new Browser();
        owner.get("/staff/");
        assertTrue(owner.signIn("/staff", staffUser, PASSWORD).body().contains("not right"), "locked");
        assertTrue(staffAccounts.roster().stream().anyMatch(u -> u.username().equals(staffUser) && u.locked()));

        staffAccounts.unlock(staffAccounts.byUsername(staffUser).id());
        Browser unlocked = new Browser();
        unlocked.get("/staff/");
        assertEquals(302, unlocked.signIn("/staff", staffUser, PASSWORD).statusCode());
        assertTrue(audit.of(AuditTrail.STAFF, staffUser).stream().anyMatch(e -> e.action().equals("unlocked") && e.actor().equals(Deployments.TEST_ADMIN)));
    }

    @Test
    void aRefusedPasswordNeverReachesTheServerLog() throws Exception {
        String secret = "current-secret-" + UUID.randomUUID();
        assertThrows(RuleViolation.class, () -> passwords.change(portalUser, secret, ""));
        assertThrows(RuleViolation.class, () -> staffAccounts.create("pw-" + UUID.randomUUID().toString().substring(0, 8), "",
                "pw@example.com", secret, EnumSet.of(StaffRole.BILLING)));
        Path log = Path.of(System.getProperty("jboss.server.log.dir"), "server.log");
        try (Stream<String> lines = Files.lines(log)) {
            assertTrue(lines.noneMatch(line -> line.contains(secret)),
                    "a refused argument list was logged with the password in it");
        }
    }

    @Test
    void aStaffPasswordLinkWorksOnceAndLiftsALockOut() throws Exception {
        for (int i = 0; i < 5; i++) {
            Browser guess = new Browser();
            guess.get("/staff/");
            guess.signIn("/staff", staffUser, "guess-" + i);
        }
        staffPasswords.sendResetLink(staffAccounts.byUsername(staffUser).id());
        staffPasswords.requestReset("nobody-" + UUID.randomUUID(), randomAddress());  // answers the same, sends nothing
        String body = (String) em.createNativeQuery("SELECT body FROM mail_outbox WHERE recipient = ? AND message_key LIKE 'staff-password-reset:%'")
                .setParameter(1, staffUser + "@example.com").getSingleResult();
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("token=([^\\s]+)").matcher(body);
        assertTrue(token.find(), body);
        String t = java.net.URLDecoder.decode(token.group(1), StandardCharsets.UTF_8);

        assertEquals(org.quittance.security.control.ResetLinks.Status.VALID, staffPasswords.status(t));
        assertEquals(staffUser, staffPasswords.reset(t, "tidal flats at noon"));
        assertThrows(RuleViolation.class, () -> staffPasswords.reset(t, "another long passphrase"), "once only");
        Browser owner = new Browser();
        owner.get("/staff/");
        assertEquals(302, owner.signIn("/staff", staffUser, "tidal flats at noon").statusCode(), "the new password works, the lock is lifted");
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

    @Test
    void fiveWrongPasswordsLockAStaffLoginEvenAgainstTheRightOne() throws Exception {
        for (int i = 0; i < 5; i++) {
            Browser attacker = new Browser();
            attacker.get("/staff/");
            assertTrue(attacker.signIn("/staff", staffUser, "guess-" + i).body().contains("not right"));
        }
        Browser owner = new Browser();
        owner.get("/staff/");
        assertTrue(owner.signIn("/staff", staffUser, PASSWORD).body().contains("not right"), "locked: even the right password is refused");

        tx.begin();
        em.createNativeQuery("UPDATE staff_user SET locked_until = now() - interval '1 second' WHERE username = ?")
                .setParameter(1, staffUser).executeUpdate();
        tx.commit();
        Browser later = new Browser();
        later.get("/staff/");
        assertEquals(302, later.signIn("/staff", staffUser, PASSWORD).statusCode(), "fifteen minutes later (simulated) the right password works");
    }

    /**
     * An unknown login costs the same PBKDF2 verification as a known one with a wrong password, so
     * the answer's time does not tell who has an account (it was 10–90 ms against 500–800 ms).
     */
    @Test
    void anUnknownLoginTakesAsLongAsAWrongPassword() throws Exception {
        for (String context : new String[]{"/staff", "/portal"}) {
            String known = context.equals("/staff") ? staffUser : portalUser;
            String unknown = "nobody-" + UUID.randomUUID() + (context.equals("/staff") ? "" : "@example.com");
            long knownNanos = medianSignInNanos(context, known);
            long unknownNanos = medianSignInNanos(context, unknown);
            assertTrue(unknownNanos * 2 > knownNanos, context + ": unknown " + unknownNanos / 1_000_000 + " ms against known "
                    + knownNanos / 1_000_000 + " ms");
        }
    }

    private long medianSignInNanos(String context, String login) throws Exception {
        long[] nanos = new long[3];
        for (int i = 0; i < nanos.length; i++) {
            Browser browser = new Browser();
            browser.get(context + "/");
            long start = System.nanoTime();
            assertTrue(browser.signIn(context, login, "not the password " + i).body().contains("not right"));
            nanos[i] = System.nanoTime() - start;
        }
        java.util.Arrays.sort(nanos);
        return nanos[1];
    }

    @Test
    void everyPageCarriesTheBrowserSecurityHeadersAndALaxSessionCookie() throws Exception {
        for (String page : new String[]{"/portal/login.xhtml", "/staff/login.xhtml", "/portal/", "/staff/"}) {
            HttpResponse<String> response = new Browser().get(page);
            assertEquals("DENY", response.headers().firstValue("X-Frame-Options").orElse(null), page);
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(null), page);
            assertEquals("same-origin", response.headers().firstValue("Referrer-Policy").orElse(null), page);
            assertTrue(response.headers().allValues("Content-Security-Policy").stream().anyMatch(v -> v.contains("frame-ancestors 'none'")), page);
            assertTrue(response.headers().allValues("Content-Security-Policy").stream().anyMatch(v -> v.contains("script-src") && v.contains("'nonce-")),
                    "only scripts the page rendered itself run: " + page + " " + response.headers().allValues("Content-Security-Policy"));
            assertFalse(response.body().contains("<script>") || response.body().contains(" onclick=\""), "no script without its nonce: " + page);
            assertTrue(response.headers().firstValue("Strict-Transport-Security").isEmpty(), "no HSTS over plain HTTP: " + page);
        }
        String cookie = sessionCookie(new Browser().get("/portal/login.xhtml"));
        assertTrue(cookie.contains("SameSite=Lax") && cookie.contains("HttpOnly"), cookie);
        assertFalse(cookie.toLowerCase().contains("secure"), "plain HTTP: a Secure cookie would never come back: " + cookie);
    }

    /**
     * The server takes bodies as large as the staff's bank-file upload (a year's settlement file); every
     * other request, the portal's and the webhooks' included, is refused above 10 MB on its declared
     * length, before its body is sent (StaffLedgerIT uploads a file over 10 MB).
     */
    @Test
    void aBodyOverTenMegabytesIsRefusedAnywhereButTheStaffsFileUpload() throws Exception {
        for (String path : List.of("/portal/login.xhtml", "/portal/webhooks/stripe", "/staff/login.xhtml", "/staff/receipts.xhtml")) {
            // A raw request: the JDK's HttpClient waits for ever when Expect: 100-continue gets a final answer (JDK-8286171).
            try (java.net.Socket socket = new java.net.Socket(testModuleUrl.getHost(), testModuleUrl.getPort())) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: " + testModuleUrl.getHost() + "\r\n"
                        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + (11 * 1024 * 1024) + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
                assertEquals("HTTP/1.1 413 Request Entity Too Large", status, path);
            }
        }
    }

    @Test
    void overHttpsTheSessionCookieIsSecureAndHstsIsSent() throws Exception {
        javax.net.ssl.SSLContext trustAll = javax.net.ssl.SSLContext.getInstance("TLS");
        trustAll.init(null, new javax.net.ssl.TrustManager[]{new javax.net.ssl.X509TrustManager() {
            public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType) { }
            public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType) { }
            public java.security.cert.X509Certificate[] getAcceptedIssuers() { return new java.security.cert.X509Certificate[0]; }
        }}, null);
        HttpClient https = HttpClient.newBuilder().sslContext(trustAll).followRedirects(HttpClient.Redirect.NEVER).build();
        int port = testModuleUrl.getPort() - 8080 + 8443;
        HttpResponse<String> response = https.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/portal/login.xhtml")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Strict-Transport-Security").orElse("").contains("max-age="), response.headers().map().toString());
        String cookie = sessionCookie(response);
        assertTrue(cookie.toLowerCase().contains("; secure") && cookie.contains("SameSite=Lax"), cookie);
    }

    /**
     * Password spraying: one address trying one password on many logins never locks an account, so
     * the address itself is slowed after 5 failures (half a second, then twice as long each time, up
     * to 4 s) and refused after 20, even with a right password, for 15 minutes.
     */
    @Test
    void anAddressThatFailsOftenIsSlowedThenRefusedEvenWithTheRightPassword() throws Exception {
        String attacker = randomAddress();
        for (int i = 0; i < 5; i++) {
            assertNotRight(attacker, i);
        }
        long start = System.nanoTime();
        assertNotRight(attacker, 5);
        long slowed = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertTrue(slowed >= 500, "the sixth failure waited half a second first, took " + slowed + " ms");

        tx.begin();  // thirteen more failures, as the counter would have them after a minute of slowed guessing
        em.createNativeQuery("UPDATE throttle SET hits = 19 WHERE scope = 'SIGN_IN_FAILURES_BY_ADDRESS' AND subject = ?")
                .setParameter(1, attacker).executeUpdate();
        tx.commit();
        assertNotRight(attacker, 19);  // the twentieth failure
        Browser sameAddress = new Browser(attacker);
        sameAddress.get("/portal/");
        HttpResponse<String> refused = sameAddress.signIn("/portal", portalUser, PASSWORD);
        assertEquals(429, refused.statusCode(), "refused before the password is even checked");
        assertTrue(refused.headers().firstValue("Retry-After").isPresent());
        assertTrue(refused.body().contains("Too many failed sign-ins"), refused.body());

        Browser elsewhere = new Browser();
        elsewhere.get("/portal/");
        assertEquals(302, elsewhere.signIn("/portal", portalUser, PASSWORD).statusCode(), "the client itself, from its own address, is not locked");

        tx.begin();
        em.createNativeQuery("UPDATE throttle SET window_start = now() - interval '16 minutes' WHERE subject = ?").setParameter(1, attacker).executeUpdate();
        tx.commit();
        Browser later = new Browser(attacker);
        later.get("/portal/");
        assertEquals(302, later.signIn("/portal", portalUser, PASSWORD).statusCode(), "fifteen minutes later (simulated) the address may try again");
    }

    private void assertNotRight(String address, int attempt) throws Exception {
        Browser guess = new Browser(address);
        guess.get("/portal/");
        HttpResponse<String> refused = guess.signIn(attempt % 2 == 0 ? "/portal" : "/staff", "someone-" + attempt + "@example.com", "Winter2026!");
        assertEquals(200, refused.statusCode());
        assertTrue(refused.body().contains("not right"), "attempt " + attempt + ": " + refused.body());
    }

    private static String randomAddress() {
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    private static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie: " + response.headers().map()));
    }

    /** A cookie-keeping HTTP client that does not follow redirects, so each step can be checked. */
    private final class Browser {
        private final CookieManager cookies = new CookieManager();
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        /**
         * Each browser comes from its own address (the test server trusts X-Forwarded-For, as behind
         * the firm's proxy), so the per-address limit on failed sign-ins counts each test apart.
         */
        private final String address;

        Browser() {
            this(randomAddress());
        }

        Browser(String address) {
            this.address = address;
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(uri(path)).header("X-Forwarded-For", address).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> signIn(String context, String user, String password) throws Exception {
            String form = "j_username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                    + "&j_password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
            return http.send(HttpRequest.newBuilder(uri(context + "/j_security_check"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("X-Forwarded-For", address)
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
