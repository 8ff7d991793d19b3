package org.parley.rules.engine;

import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the compiler's "unable to resolve method using strict-mode: org.parley.rules.fact.Caller.tierr()"
 * into what an analyst needs: "Caller has no field 'tierr'; did you mean 'tier'?" with the fields it
 * does have.
 */
final class FieldHints {

    private static final Pattern UNRESOLVED = Pattern.compile("unable to resolve method using strict-mode: ([\\w.$]+)\\.(\\w+)\\(\\)");
    private static final Pattern POSITION = Pattern.compile("\\[Line: (\\d+), Column: (\\d+)]");

    private FieldHints() {
    }

    /** The message, explained where it is about an unknown field; the original message otherwise. */
    static String explain(String message, ClassLoader classLoader) {
        Matcher m = UNRESOLVED.matcher(message);
        if (!m.find()) {
            return message;
        }
        String hint = hint(m.group(1), m.group(2), classLoader);
        return hint == null ? message : hint;
    }

    /**
     * "Caller has no field 'tierr'; did you mean ..." for a pattern on {@code type} (as written in the rule,
     * resolved through the package's imports), or null when the type cannot be found or has that field.
     */
    static String explainField(String type, String field, org.drools.drl.ast.descr.PackageDescr pkg, ClassLoader classLoader) {
        String qualified = type;
        if (!type.contains(".")) {
            qualified = pkg.getImports().stream().map(i -> i.getTarget())
                    .filter(t -> t.endsWith("." + type)).findFirst().orElse(pkg.getName() + "." + type);
        }
        return hint(qualified, field, classLoader);
    }

    private static String hint(String type, String field, ClassLoader classLoader) {
        List<String> fields;
        try {
            fields = properties(Class.forName(type, false, classLoader));
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
        if (fields.contains(field)) {
            return null;
        }
        String simple = type.substring(type.lastIndexOf('.') + 1);
        StringBuilder out = new StringBuilder(simple).append(" has no field '").append(field).append("'");
        fields.stream().min(Comparator.comparingInt(f -> distance(f.toLowerCase(), field.toLowerCase())))
                .filter(best -> distance(best.toLowerCase(), field.toLowerCase()) <= Math.max(2, field.length() / 3))
                .ifPresent(best -> out.append("; did you mean '").append(best).append("'?"));
        out.append(" ").append(simple).append("'s fields: ").append(String.join(", ", fields));
        return out.toString();
    }

    /** The column the compiler names inside its message ("[Line: 8, Column: 4]"), or {@code fallback}. */
    static int column(String message, int fallback) {
        Matcher m = POSITION.matcher(message);
        return fallback <= 0 && m.find() ? Integer.parseInt(m.group(2)) : fallback;
    }

    private static List<String> properties(Class<?> type) {
        try {
            return java.util.Arrays.stream(Introspector.getBeanInfo(type, Object.class).getPropertyDescriptors())
                    .filter(p -> p.getReadMethod() != null)
                    .map(PropertyDescriptor::getName)
                    .sorted()
                    .toList();
        } catch (java.beans.IntrospectionException e) {
            return List.of();
        }
    }

    /** Levenshtein distance, for "did you mean" suggestions. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
