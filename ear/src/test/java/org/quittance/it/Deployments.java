package org.quittance.it;

import org.jboss.arquillian.container.test.api.Testable;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.util.Arrays;

/**
 * The archive under test: the real quittance.ear as built, plus one small web module holding the
 * test classes (the EAR has no application.xml, so an added module is deployed like the others).
 */
public final class Deployments {

    private Deployments() {
    }

    public static EnterpriseArchive quittanceWith(Class<?>... testClasses) {
        return quittanceWith(testModule(testClasses));
    }

    public static EnterpriseArchive quittanceWith(WebArchive testModule) {
        EnterpriseArchive ear = ShrinkWrap.createFromZipFile(EnterpriseArchive.class,
                new File(System.getProperty("quittance.ear", "target/quittance.ear")));
        ear.addAsModule(Testable.archiveToTest(testModule));
        return ear;
    }

    /** The web module that carries the tests, for tests that need to add resources to it. */
    public static WebArchive testModule(Class<?>... testClasses) {
        return ShrinkWrap.create(WebArchive.class, "quittance-it.war")
                .addClasses(testClasses)
                .addClasses(Eventually.class, Deployments.class, SandboxClient.class, SandboxClient.Charge.class, SandboxClient.Payout.class)
                // The fixtures travel whole: a test that uses one of them gets its records too.
                .addClasses(BillingFixtures.class, BillingFixtures.Scenario.class, BillingFixtures.Published.class)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                .addAsWebInfResource(new StringAsset(STAFF_ADMIN_RUNNER_WEB_XML), "web.xml")
                .addAsWebInfResource(new StringAsset(STAFF_ADMIN_RUNNER_JBOSS_WEB_XML), "jboss-web.xml")
                .addAsWebInfResource(new StringAsset(STAFF_DOMAIN_EJB_XML), "jboss-ejb3.xml");
    }

    /** The principal that in-container tests act as: an administrator of the staff domain ({@link #testModule}). */
    public static final String TEST_ADMIN = "it-admin";

    /*
     * The tests call the EJBs as the staff application does: with a staff identity, which the EJBs'
     * @RolesAllowed checks. Arquillian's runner servlet runs as an administrator of the staff domain;
     * a test that needs another identity uses an EJB of its own with @RunAs (see SecurityIT).
     */
    private static final String STAFF_ADMIN_RUNNER_WEB_XML = """
            <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                <servlet>
                    <servlet-name>ArquillianServletRunnerEE9</servlet-name>
                    <servlet-class>org.jboss.arquillian.protocol.servlet5.runner.ServletTestRunner</servlet-class>
                    <run-as><role-name>admin</role-name></run-as>
                </servlet>
                <servlet-mapping>
                    <servlet-name>ArquillianServletRunnerEE9</servlet-name>
                    <url-pattern>/ArquillianServletRunnerEE9</url-pattern>
                </servlet-mapping>
                <security-role><role-name>admin</role-name></security-role>
            </web-app>
            """;

    private static final String STAFF_ADMIN_RUNNER_JBOSS_WEB_XML = """
            <jboss-web xmlns="urn:jboss:jakartaee:1.0" version="15.0">
                <security-domain>staff</security-domain>
                <servlet>
                    <servlet-name>ArquillianServletRunnerEE9</servlet-name>
                    <run-as-principal>%s</run-as-principal>
                </servlet>
            </jboss-web>
            """.formatted(TEST_ADMIN);

    private static final String STAFF_DOMAIN_EJB_XML = """
            <jboss:ejb-jar xmlns:jboss="urn:jboss:jakartaee:1.0" xmlns="https://jakarta.ee/xml/ns/jakartaee"
                           xmlns:s="urn:security:2.0" version="4.0" impl-version="2.0">
                <assembly-descriptor>
                    <s:security>
                        <ejb-name>*</ejb-name>
                        <s:security-domain>staff</s:security-domain>
                        <s:missing-method-permissions-deny-access>false</s:missing-method-permissions-deny-access>
                    </s:security>
                </assembly-descriptor>
            </jboss:ejb-jar>
            """;

    /** A library from the test class path (for example GreenMail), to add to the test module. */
    public static File libraryOnClassPath(String fileNamePrefix) {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(File::new)
                .filter(f -> f.getName().startsWith(fileNamePrefix) && f.getName().endsWith(".jar"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(fileNamePrefix + "*.jar is not on the test class path"));
    }
}
