package org.quittance.platform;

import jakarta.persistence.Converter;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * persistence.xml lists its classes (EclipseLink cannot scan WildFly's VFS): a forgotten entity
 * would only fail at deployment, so this test fails first.
 */
class PersistenceUnitClassesTest {

    @Test
    void everyEntityEmbeddableAndConverterIsListed() throws Exception {
        Path classes = Path.of("target/classes");
        String xml = Files.readString(classes.resolve("META-INF/persistence.xml"));
        Set<String> listed = new TreeSet<>();
        Matcher m = Pattern.compile("<class>([^<]+)</class>").matcher(xml);
        while (m.find()) {
            listed.add(m.group(1));
        }
        assertEquals(annotatedClasses(classes), listed);
    }

    private static Set<String> annotatedClasses(Path root) throws IOException {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                try {
                    Class<?> type = Class.forName(name, false, PersistenceUnitClassesTest.class.getClassLoader());
                    if (type.isAnnotationPresent(Entity.class) || type.isAnnotationPresent(Embeddable.class)
                            || type.isAnnotationPresent(Converter.class)) {
                        found.add(name);
                    }
                } catch (ClassNotFoundException | NoClassDefFoundError e) {
                    // not loadable without the container; cannot be a persistence class of ours
                }
            }
        }
        return found;
    }
}
