package org.quittance.web.staff;

import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import org.quittance.platform.control.RuleViolation;

import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a staff action and turns its outcome into messages on the page: the rule or validation that
 * refused it, in words, or a success note. Unexpected failures are logged and shown as such.
 */
public final class Feedback {

    private static final Logger LOG = Logger.getLogger(Feedback.class.getName());

    private Feedback() {
    }

    public static boolean run(Runnable action, String success) {
        return attempt(() -> {
            action.run();
            return Boolean.TRUE;
        }, success) != null;
    }

    /** @return the action's result, or null when it was refused (the reason is on the page) */
    public static <T> T attempt(Supplier<T> action, String success) {
        try {
            T result = action.get();
            if (success != null) {
                info(success);
            }
            return result;
        } catch (RuntimeException e) {
            report(e);
            FacesContext.getCurrentInstance().validationFailed();
            return null;
        }
    }

    public static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    public static void error(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    private static void report(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RuleViolation rule) {
                error(rule.getMessage());
                return;
            }
            if (t instanceof ConstraintViolationException cve) {
                for (ConstraintViolation<?> v : cve.getConstraintViolations()) {
                    error(describe(v));
                }
                return;
            }
        }
        LOG.log(Level.WARNING, "Staff action failed", e);
        error("The action failed unexpectedly and nothing was changed. The details are in the server log.");
    }

    /** "Hours must be positive" reads well alone; "must not be blank" needs the field's name. */
    private static String describe(ConstraintViolation<?> v) {
        String message = v.getMessage();
        if (Character.isUpperCase(message.charAt(0))) {
            return message;
        }
        String path = v.getPropertyPath().toString();
        String field = path.substring(path.lastIndexOf('.') + 1).replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
        field = field.startsWith("arg") ? "Value" : Character.toUpperCase(field.charAt(0)) + field.substring(1);
        return field + " " + message;
    }

    public static String user() {
        return FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
    }
}
