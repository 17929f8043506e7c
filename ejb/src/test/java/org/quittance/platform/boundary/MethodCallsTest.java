package org.quittance.platform.boundary;

import jakarta.el.ELContext;
import jakarta.el.ELException;
import jakarta.el.ELResolver;
import jakarta.el.FunctionMapper;
import jakarta.el.VariableMapper;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

// Public: the resolver answers only for classes that can be called from anywhere, nested ones included.
public class MethodCallsTest {

    public record Row(String number, int lines) {
        public String label() {
            return number + " (" + lines + ")";
        }
    }

    private record Hidden(String secret) {
    }

    /** Like the pages' formats bean: one argument, a primitive, an overload, a failure. */
    public static class Formats {
        public String date(LocalDate date) { return "on " + date; }
        public long pages(long rows) { return (rows + 9) / 10; }
        public String amount(BigDecimal value) { return "amount " + value; }
        public String amount(String value) { return "text " + value; }
        public String fail() { throw new IllegalStateException("broken"); }
    }

    private final MethodCalls resolver = new MethodCalls();

    @Test
    void aPublicMethodIsAnsweredHereGivenArgumentsOfItsTypes() {
        assertAnswered("INV-1", new Row("INV-1", 2), "number", null);
        assertAnswered("INV-1 (2)", new Row("INV-1", 2), "label", new Object[0]);
        assertAnswered("on 2026-12-06", new Formats(), "date", new Object[]{LocalDate.of(2026, 12, 6)});
        assertAnswered(3L, new Formats(), "pages", new Object[]{21L});
        assertAnswered(12, "not a record", "length", null);
    }

    @Test
    void whatTheSpecificationWouldConvertOrChooseGoesOnToTheStandardResolvers() {
        for (Object[] call : new Object[][]{
                {new Row("INV-1", 2), "nosuch", null},
                {new Formats(), "date", new Object[]{null}},             // null: "" or 0 by the specification
                {new Formats(), "date", new Object[]{"2026-12-06"}},     // a String to convert
                {new Formats(), "pages", new Object[]{21}},              // an Integer for a long
                {new Formats(), "amount", new Object[]{BigDecimal.ONE}}, // overloaded
                {new Formats(), "date", new Object[0]},                  // no such count
                {new Hidden("x"), "secret", null}}) {
            ELContext context = context();
            assertNull(resolver.invoke(context, call[0], call[1], null, (Object[]) call[2]), String.valueOf(call[1]));
            assertFalse(context.isPropertyResolved(), call[1] + " on " + call[0].getClass().getSimpleName());
        }
    }

    @Test
    void aMethodsOwnFailureReachesThePageAsItsCause() {
        ELException thrown = assertThrows(ELException.class, () -> resolver.invoke(context(), new Formats(), "fail", null, null));
        assertEquals("broken", thrown.getCause().getMessage());
    }

    private void assertAnswered(Object expected, Object base, String method, Object[] params) {
        ELContext context = context();
        assertEquals(expected, resolver.invoke(context, base, method, null, params), method);
        assertTrue(context.isPropertyResolved(), method);
    }

    private static ELContext context() {
        return new ELContext() {
            @Override public ELResolver getELResolver() { return null; }
            @Override public FunctionMapper getFunctionMapper() { return null; }
            @Override public VariableMapper getVariableMapper() { return null; }
        };
    }
}
