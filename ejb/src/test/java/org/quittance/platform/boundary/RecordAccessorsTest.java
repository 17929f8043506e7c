package org.quittance.platform.boundary;

import jakarta.el.ELContext;
import jakarta.el.ELResolver;
import jakarta.el.FunctionMapper;
import jakarta.el.VariableMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

// Public: the resolver answers only for records that can be called from anywhere, nested ones included.
public class RecordAccessorsTest {

    public record Row(String number, int lines) {
        public String label() {
            return number + " (" + lines + ")";
        }
    }

    private record Hidden(String secret) {
    }

    private final RecordAccessors resolver = new RecordAccessors();

    @Test
    void aPublicRecordsNoArgumentMethodsAreAnsweredHere() {
        ELContext context = context();
        assertEquals("INV-1", resolver.invoke(context, new Row("INV-1", 2), "number", null, null));
        assertTrue(context.isPropertyResolved());
        ELContext again = context();
        assertEquals("INV-1 (2)", resolver.invoke(again, new Row("INV-1", 2), "label", new Class<?>[0], new Object[0]), "its own methods too");
        assertTrue(again.isPropertyResolved());
    }

    @Test
    void everythingElseGoesOnToTheStandardResolvers() {
        for (Object[] call : new Object[][]{
                {"not a record", "length", null},
                {new Row("INV-1", 2), "nosuch", null},
                {new Row("INV-1", 2), "equals", new Object[]{"x"}},
                {new Hidden("x"), "secret", null}}) {
            ELContext context = context();
            assertNull(resolver.invoke(context, call[0], call[1], null, (Object[]) call[2]), String.valueOf(call[1]));
            assertFalse(context.isPropertyResolved(), call[1] + " on " + call[0].getClass().getSimpleName());
        }
    }

    private static ELContext context() {
        return new ELContext() {
            @Override public ELResolver getELResolver() { return null; }
            @Override public FunctionMapper getFunctionMapper() { return null; }
            @Override public VariableMapper getVariableMapper() { return null; }
        };
    }
}
