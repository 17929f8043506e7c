-- Staff logins lock like portal logins (five failures in a row, 15 minutes).
ALTER TABLE staff_user ADD COLUMN failed_logins INTEGER NOT NULL DEFAULT 0;
ALTER TABLE staff_user ADD COLUMN locked_until TIMESTAMP WITH TIME ZONE;

-- Every sign-in attempt costs one PBKDF2 verification, known login or not: the realms read
-- credentials through these functions, which answer an unknown, locked, disabled or unregistered
-- login with this installation's decoy (random bytes nobody knows a password for), never with no row.
CREATE TABLE sign_in_decoy (
    only_row             BOOLEAN      PRIMARY KEY DEFAULT TRUE CHECK (only_row),
    password_hash        VARCHAR(100) NOT NULL,
    password_salt        VARCHAR(100) NOT NULL,
    password_iterations  INTEGER      NOT NULL
);
INSERT INTO sign_in_decoy (password_hash, password_salt, password_iterations)
VALUES (encode(sha256(convert_to(gen_random_uuid()::text || clock_timestamp()::text || random()::text, 'UTF8')), 'base64'),
        encode(substring(sha256(convert_to(gen_random_uuid()::text || random()::text, 'UTF8')) FROM 1 FOR 16), 'base64'),
        600000);

CREATE FUNCTION staff_credentials(login TEXT)
    RETURNS TABLE (password_hash VARCHAR, password_salt VARCHAR, password_iterations INTEGER)
    LANGUAGE sql STABLE AS $$
    SELECT COALESCE(u.password_hash, d.password_hash), COALESCE(u.password_salt, d.password_salt),
           COALESCE(u.password_iterations, d.password_iterations)
    FROM sign_in_decoy d
    LEFT JOIN staff_user u ON u.username = lower(login) AND u.enabled
                          AND (u.locked_until IS NULL OR u.locked_until < now())
$$;

CREATE FUNCTION portal_credentials(login TEXT)
    RETURNS TABLE (password_hash VARCHAR, password_salt VARCHAR, password_iterations INTEGER, role VARCHAR)
    LANGUAGE sql STABLE AS $$
    SELECT COALESCE(u.password_hash, d.password_hash), COALESCE(u.password_salt, d.password_salt),
           COALESCE(u.password_iterations, d.password_iterations), CAST('client' AS VARCHAR)
    FROM sign_in_decoy d
    LEFT JOIN portal_user u ON u.email = lower(login) AND u.state = 'REGISTERED'
                           AND (u.locked_until IS NULL OR u.locked_until < now())
$$;

-- Counters of attempts per remote address and per login (sign-in failures, password-reset requests),
-- in the database so that every node of a cluster counts the same.
CREATE TABLE throttle (
    scope         VARCHAR(40)              NOT NULL,
    subject       VARCHAR(320)             NOT NULL,
    window_start  TIMESTAMP WITH TIME ZONE NOT NULL,
    hits          INTEGER                  NOT NULL,
    PRIMARY KEY (scope, subject)
);
