package org.quittance.security.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.io.Serializable;

/**
 * A stored password: PBKDF2-HMAC-SHA256 digest and salt (base64) and the iteration count, in the
 * three columns that the server's security realms read (Elytron's scram-sha-256 mapper).
 */
@Embeddable
public class PasswordHash implements Serializable {

    @Column(name = "password_hash")
    private String hash;

    @Column(name = "password_salt")
    private String salt;

    @Column(name = "password_iterations")
    private Integer iterations;

    protected PasswordHash() {
        // for JPA
    }

    public PasswordHash(String hash, String salt, int iterations) {
        this.hash = hash;
        this.salt = salt;
        this.iterations = iterations;
    }

    public String hash() {
        return hash;
    }

    public String salt() {
        return salt;
    }

    public int iterations() {
        return iterations;
    }
}
