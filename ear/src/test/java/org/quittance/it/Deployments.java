package org.quittance.it;

import org.jboss.arquillian.container.test.api.Testable;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
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
                .addClasses(Eventually.class, Deployments.class)
                // The fixtures travel whole: a test that uses one of them gets its records too.
                .addClasses(BillingFixtures.class, BillingFixtures.Scenario.class, BillingFixtures.Published.class)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    }

    /** A library from the test class path (for example GreenMail), to add to the test module. */
    public static File libraryOnClassPath(String fileNamePrefix) {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(File::new)
                .filter(f -> f.getName().startsWith(fileNamePrefix) && f.getName().endsWith(".jar"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(fileNamePrefix + "*.jar is not on the test class path"));
    }
}
