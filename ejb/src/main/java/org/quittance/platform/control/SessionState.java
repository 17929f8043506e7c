package org.quittance.platform.control;

import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rule for what a web session holds: on a cluster a session (with the view- and session-scoped beans
 * of its pages) is copied to another node after each request, so everything it holds must be
 * Serializable, all the way down. Each web module's test applies this to its beans: a field whose type
 * cannot travel is found when the module is built, not when a node dies.
 */
public final class SessionState {

    private SessionState() {
    }

    /**
     * The rule applied to a web module's compiled classes: every view- and session-scoped bean among them.
     * @return the beans checked, and "Bean.field: Type" for each field, at any depth, that cannot travel
     */
    public static Checked check(java.nio.file.Path classes, ClassLoader loader) throws java.io.IOException, ClassNotFoundException {
        java.util.List<java.nio.file.Path> files;
        try (java.util.stream.Stream<java.nio.file.Path> walk = java.nio.file.Files.walk(classes)) {
            files = walk.filter(p -> p.toString().endsWith(".class") && !p.toString().contains("$")).toList();
        }
        Set<String> problems = new TreeSet<>();
        int beans = 0;
        for (java.nio.file.Path file : files) {
            String name = classes.relativize(file).toString().replace(java.io.File.separatorChar, '.').replaceAll("\\.class$", "");
            Class<?> c = Class.forName(name, false, loader);
            if (c.isAnnotationPresent(jakarta.faces.view.ViewScoped.class) || c.isAnnotationPresent(jakarta.enterprise.context.SessionScoped.class)) {
                beans++;
                problems.addAll(unserializable(c));
            }
        }
        return new Checked(beans, problems);
    }

    public record Checked(int beans, Set<String> problems) {
    }

    /** @return "Bean.field: Type" for each field, at any depth, whose declared type is not Serializable */
    public static Set<String> unserializable(Class<?> bean) {
        Set<String> problems = new TreeSet<>();
        walk(bean, bean.getSimpleName(), problems, new HashSet<>());
        return problems;
    }

    private static void walk(Class<?> type, String path, Set<String> problems, Set<Class<?>> seen) {
        if (!seen.add(type)) {
            return;
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || injected(field)) {
                    continue;  // a container's proxy (an EJB, a CDI bean) is serializable whatever its type says
                }
                check(field.getGenericType(), path + "." + field.getName(), problems, seen);
            }
        }
    }

    private static void check(Type type, String path, Set<String> problems, Set<Class<?>> seen) {
        if (type instanceof ParameterizedType parameterized) {
            check(parameterized.getRawType(), path, problems, seen);
            for (Type argument : parameterized.getActualTypeArguments()) {
                check(argument, path + "<>", problems, seen);
            }
        } else if (type instanceof GenericArrayType array) {
            check(array.getGenericComponentType(), path + "[]", problems, seen);
        } else if (type instanceof WildcardType wildcard) {
            for (Type bound : wildcard.getUpperBounds()) {
                check(bound, path, problems, seen);
            }
        } else if (type instanceof Class<?> c && !(type instanceof TypeVariable<?>)) {
            if (c.isPrimitive() || c == Object.class) {
                return;
            }
            if (c.isArray()) {
                check(c.getComponentType(), path + "[]", problems, seen);
            } else if (c.isInterface() && (Collection.class.isAssignableFrom(c) || Map.class.isAssignableFrom(c))) {
                return;  // the JDK's collections are Serializable; their elements are checked as type arguments
            } else if (!Serializable.class.isAssignableFrom(c)) {
                problems.add(path + ": " + c.getName());
            } else if (c.getName().startsWith("org.quittance.")) {
                walk(c, c.getSimpleName(), problems, seen);
            }
        }
    }

    private static boolean injected(Field field) {
        for (var annotation : field.getAnnotations()) {
            String name = annotation.annotationType().getName();
            if (name.equals("jakarta.inject.Inject") || name.equals("jakarta.ejb.EJB") || name.equals("jakarta.annotation.Resource")) {
                return true;
            }
        }
        return false;
    }
}
