package org.quittance.firm.control;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

class SecretBoxTest {

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    @Test
    void sealedSecretsOpenWithTheSameKeyAndDoNotContainThePlainText() {
        SecretBox box = new SecretBox(key(7));
        String sealed = box.seal("sk_test_51Habc");
        assertFalse(sealed.contains("sk_test"));
        assertNotEquals(sealed, box.seal("sk_test_51Habc"), "a fresh IV every time");
        assertEquals("sk_test_51Habc", box.open(sealed));
    }

    @Test
    void anotherKeyOrAnAlteredCipherTextCannotOpenIt() {
        String sealed = new SecretBox(key(7)).seal("whsec_abc");
        assertThrows(IllegalStateException.class, () -> new SecretBox(key(8)).open(sealed));
        char[] chars = sealed.toCharArray();
        chars[10] = chars[10] == 'A' ? 'B' : 'A';
        assertThrows(IllegalStateException.class, () -> new SecretBox(key(7)).open(new String(chars)));
    }

    @Test
    void hintsShowOnlyTheLastFourCharacters() {
        assertEquals("…k3Xz", SecretBox.hint("sk_live_0123456789k3Xz"));
        assertEquals("…", SecretBox.hint("abc"));
    }

    @Test
    void withoutAConfiguredKeyTheServerKeyFileIsCreatedOnceOwnerOnly() throws Exception {
        Path dir = Files.createTempDirectory("secretbox");
        String before = System.getProperty("jboss.server.data.dir");
        System.setProperty("jboss.server.data.dir", dir.toString());
        try {
            String sealed = SecretBox.ofServer().seal("secret");
            assertEquals("secret", SecretBox.ofServer().open(sealed), "the same key file the second time");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("quittance-secret.key"))));
        } finally {
            if (before == null) System.clearProperty("jboss.server.data.dir"); else System.setProperty("jboss.server.data.dir", before);
        }
    }
}
