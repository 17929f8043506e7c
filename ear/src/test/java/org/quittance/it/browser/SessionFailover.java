package org.quittance.it.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * People's sessions through a cluster's balancer while the node serving them dies (ClusterIT): a staff
 * sign-in and an open portal form (its Faces view, kept in the session), both on one node; once that
 * node is killed, the next click and the form's postback go on on another. The node serving a session is
 * the suffix of its JSESSIONID (the balancer's affinity).
 */
public final class SessionFailover implements AutoCloseable {

    /** Answers are slow while the surviving node takes the dead one's work over. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final Browser staff;
    private final Browser maria;
    private final String node;
    private final boolean wanted;

    private SessionFailover(Browser staff, Browser maria, String node) {
        this.staff = staff;
        this.maria = maria;
        this.node = node;
        maria.click(By.linkText("Statements"));
        maria.waitForText("Statements by e-mail", PATIENCE);
        this.wanted = !maria.find(By.id("monthly:wanted")).isSelected();
    }

    /**
     * Signs a member of staff in and opens the portal's monthly statement form, both served by {@code node}.
     * Known to the caller as an AutoCloseable only: ClusterIT's in-container side has no browser classes.
     */
    public static AutoCloseable openOn(String balancer, String node) {
        Browser staff = new Browser(balancer + "/staff");
        Browser maria = new Browser(balancer + "/portal");
        try {
            onNode(staff, "/setup/clients.xhtml", node).signIn("/setup/clients.xhtml", "admin", "admin-demo-2026");
            onNode(maria, "/", node).signIn("/", "maria.lopez@harbourlights.example", "portal-demo-2026");
            assertEquals(node, node(staff), "the staff session stayed on its node through the sign-in");
            assertEquals(node, node(maria), "the portal session stayed on its node through the sign-in");
            return new SessionFailover(staff, maria, node);
        } catch (RuntimeException | AssertionError e) {
            staff.close();
            maria.close();
            throw e;
        }
    }

    /** After the node was killed: a link followed and the form saved, answered by another node; then closed. */
    public static void goOnOnAnotherNode(AutoCloseable opened) {
        try (SessionFailover sessions = (SessionFailover) opened) {
            sessions.goOn();
        }
    }

    private void goOn() {
        staff.click(By.linkText("Harbour Lights Ltd"));
        staff.waitForText("Contact Info", PATIENCE);
        assertNotEquals(node, node(staff), "another node took the staff session over");
        staff.screenshot("cluster-01-staff-after-its-node-died");

        maria.click(By.id("monthly:wanted"));
        maria.click(By.id("monthly:save"));
        maria.waitForText(saved(wanted), PATIENCE);
        assertEquals(wanted, maria.find(By.id("monthly:wanted")).isSelected(), "saved as ticked");
        assertNotEquals(node, node(maria), "another node took the portal session over");
        maria.screenshot("cluster-02-portal-form-after-its-node-died");
        // As it was: the demo client's choice is the browser tests' starting point.
        maria.click(By.id("monthly:wanted"));
        maria.click(By.id("monthly:save"));
        maria.waitForText(saved(!wanted), PATIENCE);
    }

    @Override
    public void close() {
        staff.close();
        maria.close();
    }

    /** A new session until the balancer gives one on {@code node} (it spreads new sessions over its nodes). */
    private static Browser onNode(Browser browser, String path, String node) {
        for (Instant giveUp = Instant.now().plus(PATIENCE); Instant.now().isBefore(giveUp); ) {
            browser.open(path);
            if (node.equals(node(browser))) {
                return browser;
            }
            browser.driver().manage().deleteAllCookies();
        }
        throw new AssertionError("The balancer gave no new session to " + node + " in " + PATIENCE.toSeconds() + " s");
    }

    private static String saved(boolean wanted) {
        return wanted ? "You will receive your statement by e-mail at the start of each month." : "No more monthly statements by e-mail.";
    }

    private static String node(Browser browser) {
        Cookie session = browser.driver().manage().getCookieNamed("JSESSIONID");
        return session == null ? "" : session.getValue().substring(session.getValue().lastIndexOf('.') + 1);
    }
}
