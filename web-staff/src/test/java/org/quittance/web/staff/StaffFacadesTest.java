package org.quittance.web.staff;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every EJB that the staff application calls says at class level who may call it, so that a page that
 * forgets its security constraint still meets the EJB's own check (the admin-only and the portal's
 * methods say so on the method).
 */
class StaffFacadesTest {

    /**
     * Open to callers without a staff identity, on purpose: first-run setup, before anybody exists (it
     * asks for the setup code), and the forgotten-password pages (the link in the e-mail is the proof).
     */
    private static final Set<String> PUBLIC = Set.of("org.quittance.firm.boundary.FirstRunSetup", "org.quittance.staff.boundary.StaffPasswords");

    @Test
    void everyEjbTheStaffAppCallsNamesItsRoles() throws Exception {
        Set<String> open = new TreeSet<>();
        Set<Class<?>> facades = staffFacades();
        for (Class<?> facade : facades) {
            if (!facade.isAnnotationPresent(RolesAllowed.class) && !PUBLIC.contains(facade.getName())) {
                open.add(facade.getName());
            }
        }
        assertTrue(facades.size() >= 20, "the staff app calls its facades through @EJB or @Inject fields: " + facades);
        assertEquals(Set.of(), open, "staff facades without a class-level @RolesAllowed");
        for (String name : PUBLIC) {
            assertTrue(Class.forName(name).isAnnotationPresent(PermitAll.class), name + " says at class level that it is public");
        }
    }

    private static Set<Class<?>> staffFacades() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(StaffFacadesTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolveSibling("classes");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(p -> p.toString().endsWith(".class")).toList();
        }
        Set<Class<?>> facades = new java.util.HashSet<>();
        for (Path file : files) {
            String name = classes.relativize(file).toString().replace('/', '.').replace('\\', '.').replaceAll("\\.class$", "");
            for (Field field : Class.forName(name, false, StaffFacadesTest.class.getClassLoader()).getDeclaredFields()) {
                Class<?> type = field.getType();
                boolean injected = field.isAnnotationPresent(EJB.class) || field.isAnnotationPresent(Inject.class);
                boolean ejb = type.isAnnotationPresent(Stateless.class) || type.isAnnotationPresent(Singleton.class);
                if (injected && ejb) {
                    facades.add(type);
                }
            }
        }
        return facades;
    }
}
