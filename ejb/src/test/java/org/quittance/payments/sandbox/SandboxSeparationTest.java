package org.quittance.payments.sandbox;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sandbox processor is development tooling beside the product, on its way to an archive of its
 * own: the product's code names none of its classes (only its address, a setting), and its code
 * names none of the product's. What they share is HTTP, as with a real processor.
 */
class SandboxSeparationTest {

    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final Path SANDBOX = SOURCES.resolve(Path.of("org", "quittance", "payments", "sandbox"));
    private static final Pattern QUITTANCE_NAME = Pattern.compile("org\\.quittance\\.[a-z.]+");

    @Test
    void theProductNamesNoSandboxClass() {
        List<String> naming = sources().filter(f -> !f.startsWith(SANDBOX))
                .filter(f -> read(f).contains("org.quittance.payments.sandbox")).map(Path::toString).toList();
        assertEquals(List.of(), naming);
    }

    @Test
    void theSandboxNamesNoProductClass() {
        List<Path> sandbox = sources().filter(f -> f.startsWith(SANDBOX)).toList();
        assertTrue(sandbox.size() >= 10, "the sandbox's sources are where this test looks: " + sandbox);
        List<String> naming = sandbox.stream().flatMap(f -> {
            Matcher names = QUITTANCE_NAME.matcher(read(f));
            return names.results().map(m -> m.group()).filter(n -> !n.startsWith("org.quittance.payments.sandbox")).map(n -> f.getFileName() + ": " + n);
        }).toList();
        assertEquals(List.of(), naming);
    }

    private static Stream<Path> sources() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
