package org.quittance.platform.control;

import jakarta.ejb.ApplicationException;

/**
 * A request that the rules of the firm refuse (publishing while portal invoicing is off, finalising an
 * empty invoice). The message is written for the staff member or client who made the request; the
 * transaction rolls back, and the exception reaches the caller unwrapped.
 */
@ApplicationException(rollback = true)
public class RuleViolation extends RuntimeException {

    public RuleViolation(String message) {
        super(message);
    }
}
