package org.quittance.it;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * Starts a real PostgreSQL (binaries from Maven Central) before any integration test and stops it
 * after the last one. Its port is the one failsafe gives the WildFly under test (QUITTANCE_DB_URL).
 */
public class TestInfrastructure implements LauncherSessionListener {

    private EmbeddedPostgres postgres;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        int port = Integer.getInteger("quittance.it.db.port", 55432);
        try {
            postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start PostgreSQL for the integration tests on port " + port, e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("PostgreSQL for the integration tests did not stop cleanly: " + e);
            }
        }
    }
}
