package org.quittance.platform.boundary;

import jakarta.el.ELContext;
import jakarta.el.ELException;
import jakarta.el.ELResolver;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The screens read records with method calls ({@code #{row.number()}}): Expressly's bean resolver looks
 * each call up by reflection every time (Class.getMethods(), a copy of every method), which JFR showed
 * as a tenth of the portal home's CPU over a large client's list. This resolver answers the no-argument
 * calls on public records from a table made once per record type; everything else goes on to the
 * standard resolvers. Registered in both applications' faces-config.
 */
public class RecordAccessors extends ELResolver {

    private static final ClassValue<Map<String, Method>> METHODS = new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
            if (!type.isRecord() || !reachable(type)) {
                return Map.of();
            }
            return Arrays.stream(type.getMethods())
                    .filter(m -> m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass() == type)
                    .collect(Collectors.toUnmodifiableMap(Method::getName, Function.identity(), (a, b) -> a));
        }
    };

    /** Public, and every class it is nested in too: otherwise calling it would be refused. */
    private static boolean reachable(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (!Modifier.isPublic(c.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        if (base == null || method == null || (params != null && params.length > 0)) {
            return null;
        }
        Method accessor = METHODS.get(base.getClass()).get(method.toString());
        if (accessor == null) {
            return null;
        }
        try {
            Object value = accessor.invoke(base);
            context.setPropertyResolved(base, method);
            return value;
        } catch (IllegalAccessException e) {
            throw new ELException(e);
        } catch (InvocationTargetException e) {
            throw new ELException(e.getCause());
        }
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        return null;  // properties: the standard resolvers
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        // read only: the standard resolvers decide
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        return false;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return null;
    }
}
