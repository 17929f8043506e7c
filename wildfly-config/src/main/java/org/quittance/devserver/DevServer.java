package org.quittance.devserver;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Quittance for a developer or an evaluator: a private PostgreSQL (binaries from Maven Central,
 * data kept between runs), the provisioned WildFly with the EAR deployed, demo data, and a banner
 * with the URLs and logins once both login pages answer. Ctrl-C stops both.
 */
public final class DevServer {

    static final String DATABASE = "quittance";

    private final Path serverHome;
    private final Path ear;
    private final Path dataDir;
    private final int dbPort;
    private final int httpPort;

    private DevServer(Path serverHome, Path ear, Path dataDir, int dbPort, int httpPort) {
        this.serverHome = serverHome;
        this.ear = ear;
        this.dataDir = dataDir;
        this.dbPort = dbPort;
        this.httpPort = httpPort;
    }

    public static void main(String[] args) throws Exception {
        DevServer server = new DevServer(
                Path.of(required("quittance.server.home")).toAbsolutePath(),
                Path.of(required("quittance.ear")).toAbsolutePath(),
                Path.of(required("quittance.data.dir")).toAbsolutePath(),
                Integer.getInteger("quittance.db.port", 15432),
                Integer.getInteger("quittance.http.port", 8080));
        server.run();
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("System property " + property + " is required");
        }
        return value;
    }

    private void run() throws Exception {
        EmbeddedPostgres postgres = startDatabase(dataDir, dbPort);
        deployEar();
        Process wildfly = startWildFly();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(wildfly, postgres), "quittance-shutdown"));
        if (awaitLoginPages(wildfly, httpPort, serverHome.resolve("standalone/deployments/quittance.ear.failed"))) {
            printBanner();
        } else {
            System.err.println("Quittance did not come up; see the server log above and "
                    + serverHome.resolve("standalone/log/server.log"));
        }
        int exit = wildfly.waitFor();
        System.out.println("WildFly exited with status " + exit);
    }

    /** PostgreSQL from Maven Central's binaries, its data kept in the data directory between runs, with the application's database. */
    static EmbeddedPostgres startDatabase(Path dataDir, int dbPort) throws IOException, SQLException {
        Path pgData = dataDir.resolve("postgres");
        Files.createDirectories(pgData);
        System.out.println("Starting PostgreSQL on port " + dbPort + " with data in " + pgData);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setPort(dbPort)
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + DATABASE + "'")) {
                if (!rs.next()) {
                    statement.execute("CREATE ROLE " + DATABASE + " LOGIN PASSWORD '" + DATABASE + "'");
                }
            }
            try (ResultSet rs = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (!rs.next()) {
                    statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + DATABASE);
                }
            }
        }
        return postgres;
    }

    private void deployEar() throws IOException {
        deploy(serverHome.resolve("standalone/deployments"), ear, "quittance.ear");
        // The sandbox processor (test mode) is development tooling of its own, deployed beside the
        // product here and in the tests only: a firm's server never gets it.
        String sandbox = System.getProperty("quittance.sandbox.war", "");
        if (!sandbox.isBlank()) {
            deploy(serverHome.resolve("standalone/deployments"), Path.of(sandbox).toAbsolutePath(), "quittance-sandbox.war");
        }
    }

    static void deploy(Path deployments, Path archive, String name) throws IOException {
        for (String marker : List.of(".failed", ".undeployed", ".deployed", ".isdeploying", ".pending")) {
            Files.deleteIfExists(deployments.resolve(name + marker));
        }
        Files.copy(archive, deployments.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private Process startWildFly() throws IOException {
        ProcessBuilder builder = new ProcessBuilder("bash", serverHome.resolve("bin/standalone.sh").toString(),
                "-c", "standalone-full.xml", "-Djboss.http.port=" + httpPort)
                .directory(serverHome.toFile())
                .inheritIO();
        builder.environment().put("JBOSS_HOME", serverHome.toString());
        builder.environment().put("QUITTANCE_DB_URL", "jdbc:postgresql://localhost:" + dbPort + "/" + DATABASE);
        builder.environment().put("QUITTANCE_DB_USER", DATABASE);
        builder.environment().put("QUITTANCE_DB_PASSWORD", DATABASE);
        // QUITTANCE_DEMO_DATA=false starts an empty installation (on a database without a firm): first-run setup
        builder.environment().put("QUITTANCE_DEMO_DATA", String.valueOf(demoData()));
        builder.environment().putIfAbsent("QUITTANCE_SECRET_KEY_FILE", secretKeyFile().toString());
        builder.environment().putIfAbsent("QUITTANCE_PUBLIC_URL", "http://localhost:" + httpPort);
        return builder.start();
    }

    /**
     * Beside the database, so that `mvn clean` does not make the stored payment secrets unreadable;
     * a key that earlier versions kept in the server's data directory is carried over once.
     */
    private Path secretKeyFile() throws IOException {
        Path file = dataDir.resolve("quittance-secret.key");
        Path earlier = serverHome.resolve("standalone/data/quittance-secret.key");
        if (!Files.exists(file) && Files.exists(earlier)) {
            Files.copy(earlier, file, StandardCopyOption.COPY_ATTRIBUTES);
        }
        return file;
    }

    /** Whether both login pages answer at the port before five minutes are up, the server dies or its deployment fails. */
    static boolean awaitLoginPages(Process wildfly, int httpPort, Path failed) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(deadline) && wildfly.isAlive() && !Files.exists(failed)) {
            if (answers(client, httpPort, "/staff/") && answers(client, httpPort, "/portal/")) {
                return true;
            }
            TimeUnit.SECONDS.sleep(1);
        }
        return false;
    }

    static boolean answers(HttpClient client, int httpPort, String path) {
        try {
            HttpResponse<Void> response = client.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + path)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean demoData() {
        return !"false".equalsIgnoreCase(System.getenv("QUITTANCE_DEMO_DATA"));
    }

    private void printBanner() {
        String base = "http://localhost:" + httpPort;
        if (!demoData()) {
            System.out.println("""

                    ================================================================
                     Quittance is running without demo data. Ctrl-C stops it.

                     Staff app     %s/staff/
                       On an empty database it asks for the setup code that the server
                       wrote to its log above and to
                       %s

                     Client portal %s/portal/
                     Database      PostgreSQL on localhost:%d, data in %s
                    ================================================================
                    """.formatted(base, serverHome.resolve("standalone/data/quittance/setup-code"), base, dbPort, dataDir));
            return;
        }
        System.out.println("""

                ================================================================
                 Quittance is running (demo data loaded). Ctrl-C stops it.

                 Staff app     %s/staff/
                   admin        admin / admin-demo-2026      (firm setup, billing)
                   billing      billie / billing-demo-2026   (clients, billing)

                 Client portal %s/portal/
                   Harbour Lights Ltd   maria.lopez@harbourlights.example / portal-demo-2026
                   Okafor Family Trust  james.okafor@okafortrust.example  / portal-demo-2026
                   (Greenfield Dental Practice has no portal yet: try Add portal, then read
                    the registration e-mail in the staff app's Outbox)

                 Card payments go to the sandbox processor (TEST MODE) at
                   http://localhost:8095/ — pay with 4242 4242 4242 4242 (any future
                   expiry, any CVC); 4000 0000 0000 0002 is declined.

                 Database      PostgreSQL on localhost:%d, database/user/password quittance
                               data in %s
                ================================================================
                """.formatted(base, base, dbPort, dataDir));
    }

    private static void stop(Process wildfly, EmbeddedPostgres postgres) {
        try {
            stop(wildfly);
        } finally {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }
    }

    /** Stops a server that standalone.sh started, and waits for it. */
    static void stop(Process wildfly) {
        try {
            // standalone.sh starts the server JVM as its child: stop that first, so PostgreSQL is
            // never closed under a running server (a plain kill of the script left the JVM behind).
            wildfly.descendants().forEach(ProcessHandle::destroy);
            for (ProcessHandle child : wildfly.descendants().toList()) {
                child.onExit().get(60, TimeUnit.SECONDS);
            }
            if (wildfly.isAlive()) {
                wildfly.destroy();
                wildfly.waitFor(60, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            System.err.println("WildFly did not stop within 60 s: " + e);
        }
    }
}
