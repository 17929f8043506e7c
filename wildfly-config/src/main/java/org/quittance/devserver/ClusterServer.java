package org.quittance.devserver;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Quittance as a cluster on one machine: a private PostgreSQL, two nodes of the provisioned WildFly
 * (standalone-full-ha.xml, each with its own base directory: its own journal, logs and data) and
 * WildFly's own balancer (standalone-load-balancer.xml) in front, at the address a browser uses. The
 * nodes find each other over JGroups TCP at fixed ports and register with the balancer; a session stays
 * on its node while that node lives and is taken over by the other when it dies.
 */
public final class ClusterServer {

    /** Each node's ports are the standard ones plus its offset: HTTP 9080 and 9180, JGroups 8600 and 8700. */
    static final int[] OFFSETS = {1000, 1100};
    static final int BALANCER_HTTP = 8080;
    static final int BALANCER_MCMP = 8090;

    private final Path serverHome;
    private final Path ear;
    private final Path sandboxWar;
    private final Path dataDir;
    private final int dbPort;
    private final List<Process> servers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean stopping;

    private ClusterServer(Path serverHome, Path ear, Path sandboxWar, Path dataDir, int dbPort) {
        this.serverHome = serverHome;
        this.ear = ear;
        this.sandboxWar = sandboxWar;
        this.dataDir = dataDir;
        this.dbPort = dbPort;
    }

    public static void main(String[] args) throws Exception {
        new ClusterServer(
                Path.of(System.getProperty("quittance.server.home")).toAbsolutePath(),
                Path.of(System.getProperty("quittance.ear")).toAbsolutePath(),
                Path.of(System.getProperty("quittance.sandbox.war")).toAbsolutePath(),
                Path.of(System.getProperty("quittance.data.dir")).toAbsolutePath(),
                Integer.getInteger("quittance.db.port", 15432)).run();
    }

    private void run() throws Exception {
        EmbeddedPostgres postgres = DevServer.startDatabase(dataDir, dbPort);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping = true;
            for (int i = servers.size() - 1; i >= 0; i--) {
                DevServer.stop(servers.get(i));
            }
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }, "quittance-cluster-shutdown"));
        servers.add(start("balancer", "standalone-load-balancer.xml", 0));
        // One after the other: the first node migrates the database and loads the demo firm alone.
        for (int n = 1; n <= OFFSETS.length; n++) {
            Path base = baseDir("node" + n);
            DevServer.deploy(base.resolve("deployments"), ear, "quittance.ear");
            if (n == 1) {
                // The sandbox processor listens on a port of its own: on one node only.
                DevServer.deploy(base.resolve("deployments"), sandboxWar, "quittance-sandbox.war");
            }
            Process node = start("node" + n, "standalone-full-ha.xml", OFFSETS[n - 1]);
            servers.add(node);
            if (!DevServer.awaitLoginPages(node, 8080 + OFFSETS[n - 1], base.resolve("deployments/quittance.ear.failed"))) {
                System.err.println("Node " + n + " did not come up; see " + base.resolve("log/server.log"));
                Runtime.getRuntime().exit(1);
            }
        }
        if (awaitBalancer()) {
            printBanner();
        } else {
            System.err.println("The balancer does not reach the nodes; see " + baseDir("balancer").resolve("log/server.log"));
        }
        // As a service manager would: a node that dies (kill -9 it, to see the other take over) is started again.
        while (servers.get(0).isAlive() && !stopping) {
            for (int n = 1; n <= OFFSETS.length; n++) {
                if (!servers.get(n).isAlive() && !stopping) {
                    System.out.println("node" + n + " stopped; starting it again");
                    servers.set(n, start("node" + n, "standalone-full-ha.xml", OFFSETS[n - 1]));
                }
            }
            TimeUnit.SECONDS.sleep(5);
        }
    }

    /**
     * A server of the cluster on its own base directory. The configuration is copied from the provisioned
     * server on every start (so a rebuilt configuration is taken); the data directory, with the node's
     * Artemis journal and its identity, is the node's own and never copied.
     */
    private Process start(String name, String config, int offset) throws IOException {
        Path base = baseDir(name);
        Path configuration = base.resolve("configuration");
        Files.createDirectories(configuration);
        try (var files = Files.list(serverHome.resolve("standalone/configuration"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, configuration.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        List<String> command = List.of("bash", serverHome.resolve("bin/standalone.sh").toString(),
                "-c", config, "-Djboss.server.base.dir=" + base, "-Djboss.node.name=" + name,
                "-Djboss.socket.binding.port-offset=" + offset);
        ProcessBuilder builder = new ProcessBuilder(command).directory(serverHome.toFile()).redirectErrorStream(true)
                .redirectOutput(base.resolve("console.log").toFile());
        builder.environment().put("JBOSS_HOME", serverHome.toString());
        builder.environment().put("QUITTANCE_DB_URL", "jdbc:postgresql://localhost:" + dbPort + "/" + DevServer.DATABASE);
        builder.environment().put("QUITTANCE_DB_USER", DevServer.DATABASE);
        builder.environment().put("QUITTANCE_DB_PASSWORD", DevServer.DATABASE);
        builder.environment().put("QUITTANCE_DEMO_DATA", String.valueOf(!"false".equalsIgnoreCase(System.getenv("QUITTANCE_DEMO_DATA"))));
        builder.environment().putIfAbsent("QUITTANCE_SECRET_KEY_FILE", dataDir.resolve("quittance-secret.key").toString());
        builder.environment().putIfAbsent("QUITTANCE_PUBLIC_URL", "http://localhost:" + BALANCER_HTTP);
        builder.environment().put("QUITTANCE_NODE_ID", name);
        builder.environment().put("QUITTANCE_CLUSTER_PEERS", peers());
        builder.environment().putIfAbsent("QUITTANCE_CLUSTER_PASSWORD", "quittance-development-cluster");
        builder.environment().put("QUITTANCE_BALANCER_PORT", String.valueOf(BALANCER_MCMP));
        System.out.println("Starting " + name + " (" + config + ", ports +" + offset + "), log in " + base.resolve("log/server.log"));
        return builder.start();
    }

    static String peers() {
        StringBuilder peers = new StringBuilder();
        for (int offset : OFFSETS) {
            peers.append(peers.isEmpty() ? "" : ",").append("127.0.0.1[").append(7600 + offset).append(']');
        }
        return peers.toString();
    }

    private Path baseDir(String name) throws IOException {
        Path base = dataDir.resolve(name);
        Files.createDirectories(base.resolve("deployments"));
        return base;
    }

    /** Both login pages through the balancer, once every node has registered with it. */
    private boolean awaitBalancer() throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            if (DevServer.answers(client, BALANCER_HTTP, "/staff/") && DevServer.answers(client, BALANCER_HTTP, "/portal/")) {
                return true;
            }
            TimeUnit.SECONDS.sleep(1);
        }
        return false;
    }

    private void printBanner() {
        System.out.printf("""

                ================================================================
                 Quittance is running on two nodes behind a balancer. Ctrl-C stops all.

                 Staff app     http://localhost:%1$d/staff/    admin / admin-demo-2026
                 Client portal http://localhost:%1$d/portal/   maria.lopez@harbourlights.example / portal-demo-2026

                 node1         http://localhost:%2$d/  log %4$s
                 node2         http://localhost:%3$d/  log %5$s
                 A session's node is the suffix of its JSESSIONID cookie (….node1). Kill that node
                 (kill -9 of its java process) and go on clicking: the other node takes over,
                 and this launcher starts the killed one again.

                 Database      PostgreSQL on localhost:%6$d, data in %7$s
                ================================================================
                """, BALANCER_HTTP, 8080 + OFFSETS[0], 8080 + OFFSETS[1], dataDir.resolve("node1/log/server.log"),
                dataDir.resolve("node2/log/server.log"), dbPort, dataDir);
    }
}
