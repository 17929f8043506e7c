package org.quittance.platform.boundary;

import jakarta.el.ELContext;
import jakarta.el.ELException;
import jakarta.el.ELResolver;

import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The screens call methods in their expressions ({@code #{row.number()}}, {@code #{fmt.money(row.total())}}):
 * Expressly's bean resolver looks each call up by reflection every time (Class.getMethods(), a copy of
 * every method), which JFR showed as a tenth of the portal home's CPU, then again as a twentieth once
 * records were answered here. This resolver answers a call from a table made once per class: a public
 * method, the only one of its name with that many parameters, given arguments that are already of its
 * parameters' types. Anything else (overloads, nulls, arguments to convert, varargs) goes on to the
 * standard resolvers, which convert as the EL specification says. Registered in both applications'
 * faces-config.
 */
public class MethodCalls extends ELResolver {

    /** A method and what it accepts as is: its parameter types, primitives as their wrappers. */
    private record Call(Method method, Class<?>[] accepts) {

        static Call of(Method method) {
            return new Call(method, Arrays.stream(method.getParameterTypes())
                    .map(type -> MethodType.methodType(type).wrap().returnType()).toArray(Class<?>[]::new));
        }

        boolean takes(Object[] params) {
            for (int i = 0; i < accepts.length; i++) {
                if (!accepts[i].isInstance(params[i])) {
                    return false;  // a null too: the specification turns it into "" or 0
                }
            }
            return true;
        }
    }

    private static final Object[] NO_ARGUMENTS = {};

    /** By name, then by number of parameters; null where there is none, or more than one. */
    private static final ClassValue<Map<String, Call[]>> CALLS = new ClassValue<>() {
        @Override
        protected Map<String, Call[]> computeValue(Class<?> type) {
            if (!reachable(type)) {
                return Map.of();
            }
            Map<String, Map<Integer, List<Method>>> methods = Arrays.stream(type.getMethods())
                    .filter(m -> !Modifier.isStatic(m.getModifiers()) && !m.isVarArgs() && !m.isBridge() && reachable(m.getDeclaringClass()))
                    .collect(Collectors.groupingBy(Method::getName, Collectors.groupingBy(Method::getParameterCount)));
            Map<String, Call[]> calls = new HashMap<>();
            methods.forEach((name, byCount) -> {
                Call[] table = new Call[Collections.max(byCount.keySet()) + 1];
                byCount.forEach((count, candidates) -> table[count] = candidates.size() == 1 ? Call.of(candidates.get(0)) : null);
                calls.put(name, table);
            });
            return Map.copyOf(calls);
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
        if (base == null || method == null) {
            return null;
        }
        Object[] args = params == null ? NO_ARGUMENTS : params;
        Call[] byCount = CALLS.get(base.getClass()).get(method.toString());
        Call call = byCount == null || args.length >= byCount.length ? null : byCount[args.length];
        if (call == null || !call.takes(args)
                || (paramTypes != null && paramTypes.length > 0 && !Arrays.equals(paramTypes, call.method().getParameterTypes()))) {
            return null;
        }
        try {
            Object value = call.method().invoke(base, args);
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
