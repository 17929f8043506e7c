package org.quittance.it.browser;

import org.openqa.selenium.By;

import java.time.Duration;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * A person's session through a cluster's balancer while the node serving it dies (ClusterIT): the sign-in
 * and an open page (its Faces view, kept in the session) go on on the other node. The node serving a
 * session is the suffix of its JSESSIONID (the balancer's affinity); {@code kill} kills the node named.
 */
public final class SessionFailover {

    private SessionFailover() {
    }

    /** Signs in to the staff app, kills the node, follows a link. @return the node killed */
    public static String staffSignInOutlivesItsNode(String balancer, Consumer<String> kill) {
        try (Browser browser = new Browser(balancer + "/staff")) {
            browser.signIn("/setup/clients.xhtml", "admin", "admin-demo-2026");
            String node = node(browser);
            kill.accept(node);
            browser.click(By.linkText("Harbour Lights Ltd"));
            browser.waitForText("Contact Info", Duration.ofSeconds(30));
            assertNotEquals(node, node(browser), "the other node took the session over");
            browser.screenshot("cluster-01-staff-after-its-node-died");
            return node;
        }
    }

    /** Opens a form in the portal, kills the node, submits the form (a postback of the view the dead node rendered). @return the node killed */
    public static String portalFormOutlivesItsNode(String balancer, Consumer<String> kill) {
        try (Browser maria = new Browser(balancer + "/portal")) {
            maria.signIn("/", "maria.lopez@harbourlights.example", "portal-demo-2026");
            maria.click(By.linkText("Statements"));
            maria.waitForText("Statements by e-mail", Duration.ofSeconds(30));
            boolean wanted = !maria.find(By.id("monthly:wanted")).isSelected();
            String node = node(maria);
            kill.accept(node);
            maria.click(By.id("monthly:wanted"));
            maria.click(By.id("monthly:save"));
            maria.waitForText(wanted ? "You will receive your statement by e-mail at the start of each month."
                    : "No more monthly statements by e-mail.", Duration.ofSeconds(30));
            assertEquals(wanted, maria.find(By.id("monthly:wanted")).isSelected(), "saved as ticked");
            assertNotEquals(node, node(maria), "the other node took the session over");
            maria.screenshot("cluster-02-portal-form-after-its-node-died");
            // As it was: the demo client's choice is the browser tests' starting point.
            maria.click(By.id("monthly:wanted"));
            maria.click(By.id("monthly:save"));
            maria.waitForText(!wanted ? "You will receive your statement by e-mail at the start of each month."
                    : "No more monthly statements by e-mail.", Duration.ofSeconds(30));
            return node;
        }
    }

    private static String node(Browser browser) {
        String session = browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
        return session.substring(session.lastIndexOf('.') + 1);
    }
}
