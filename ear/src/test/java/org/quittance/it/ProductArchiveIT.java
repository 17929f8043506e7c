package org.quittance.it;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a firm deploys holds the product and nothing of the development tooling: no class, migration or
 * test card of the sandbox processor in quittance.ear (at any depth), and the sandbox's own archive
 * holds nothing of the product's. They meet only over HTTP. No server needed: it reads the archives.
 */
class ProductArchiveIT {

    private static final Path EAR = Path.of(System.getProperty("quittance.ear", "target/quittance.ear"));
    private static final Path SANDBOX = EAR.resolveSibling("quittance-sandbox.war");

    @Test
    void theProductArchiveHoldsNoSandbox() throws IOException {
        List<String> entries = entries(EAR);
        assertTrue(entries.stream().anyMatch(e -> e.endsWith("org/quittance/payments/boundary/PaymentAccounts.class")),
                "the listing reaches into the EJB module: " + entries.size() + " entries");
        List<String> sandbox = entries.stream().filter(e -> e.contains("org/quittance/sandbox/") || e.contains("payments/sandbox/")
                || e.contains("db/sandbox/") || e.contains("stripe_test_cards") || e.endsWith("quittance-sandbox.war")).toList();
        assertEquals(List.of(), sandbox, "the sandbox processor is not part of the product");
    }

    @Test
    void theSandboxArchiveHoldsNothingOfTheProduct() throws IOException {
        List<String> classes = entries(SANDBOX).stream().filter(e -> e.endsWith(".class")).toList();
        assertTrue(classes.stream().anyMatch(e -> e.endsWith("org/quittance/sandbox/boundary/SandboxServer.class")), classes.toString());
        assertEquals(List.of(), classes.stream().filter(e -> e.contains("org/quittance/") && !e.contains("org/quittance/sandbox/")).toList());
    }

    /** Every entry's path, nested archives' entries as "outer!inner". */
    private static List<String> entries(Path archive) throws IOException {
        try (InputStream in = Files.newInputStream(archive)) {
            return entries(in, archive.getFileName().toString());
        }
    }

    private static List<String> entries(InputStream in, String prefix) throws IOException {
        List<String> names = new ArrayList<>();
        ZipInputStream zip = new ZipInputStream(in);
        for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
            String name = prefix + "!" + entry.getName();
            names.add(name);
            if (entry.getName().endsWith(".jar") || entry.getName().endsWith(".war")) {
                names.addAll(entries(zip, name));  // reads the nested archive; the outer stream moves on after it
            }
        }
        return names;
    }
}
