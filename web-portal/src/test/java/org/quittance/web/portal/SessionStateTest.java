package org.quittance.web.portal;

import org.junit.jupiter.api.Test;
import org.quittance.platform.control.SessionState;

import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the portal's sessions hold can be copied to another node of a cluster (SessionState). */
class SessionStateTest {

    @Test
    void everyViewAndSessionScopedBeanHoldsOnlySerializableState() throws Exception {
        Path classes = Path.of(SessionStateTest.class.getProtectionDomain().getCodeSource().getLocation().toURI()).resolveSibling("classes");
        SessionState.Checked checked = SessionState.check(classes, SessionStateTest.class.getClassLoader());
        assertTrue(checked.beans() >= 2, "the portal's view- and session-scoped beans are found: " + checked.beans());
        assertEquals(Set.of(), checked.problems(), "fields a session holds that cannot be copied to another node");
    }
}
