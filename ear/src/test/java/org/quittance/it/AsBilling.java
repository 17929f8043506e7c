package org.quittance.it;

import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import org.quittance.security.entity.Roles;

import java.util.concurrent.Callable;

/** Calls on as a billing user: the role that a page carries for Billie, for tests of what that role may not do. */
@Stateless
@RunAs(Roles.BILLING)
public class AsBilling {

    public <T> T call(Callable<T> work) {
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
