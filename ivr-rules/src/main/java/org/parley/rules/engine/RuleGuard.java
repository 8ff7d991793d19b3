package org.parley.rules.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What analysts' rules may reach. Rules run inside the server, so a rule file may import only the
 * fact model ({@code org.parley.rules.fact}), types declared in the rule set itself
 * ({@code org.parley.rules.routing}) and a fixed set of helpers ({@link #HELPERS}); and it may not
 * name the JVM's machinery (processes, threads, files, sockets, reflection, class loading) at all.
 * Decision tables are checked in the DRL they generate.
 */
public final class RuleGuard {

    /** Classes outside the fact model that rules may import. */
    public static final Set<String> HELPERS = Set.of("java.lang.Math", "java.time.LocalDate", "java.time.LocalTime",
            "java.time.LocalDateTime", "java.time.DayOfWeek", "java.time.Duration", "java.util.List", "java.util.Set",
            "java.util.Map");

    private static final List<String> ALLOWED_PACKAGES = List.of("org.parley.rules.fact.", "org.parley.rules.routing.");

    private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+(?:static\\s+|function\\s+)?([\\w.$*]+)");
    private static final Pattern QUALIFIED = Pattern.compile("\\b(?:java|javax|jakarta|sun|com|org|net|io)\\.[\\w.$]+");
    private static final Pattern FORBIDDEN = Pattern.compile(
            "\\b(System|Runtime|ProcessBuilder|Process|Thread|ThreadGroup|ClassLoader|Class|Files|Paths|Path|File|Socket"
                    + "|ServerSocket|URL|URI|HttpClient|Unsafe|MethodHandles|ScriptEngineManager|ObjectInputStream)\\s*\\."
                    + "|\\bnew\\s+(Thread|ProcessBuilder|File|Socket|URL|ClassLoader|ObjectInputStream)\\b"
                    + "|\\.\\s*class\\b|\\bgetClass\\s*\\(|\\bforName\\s*\\(|\\bexec\\s*\\(|\\bsetAccessible\\s*\\(");
    private static final Pattern COMMENT = Pattern.compile("//[^\\n]*|/\\*.*?\\*/|(?m)^\\s*#[^\\n]*", Pattern.DOTALL);

    private RuleGuard() {
    }

    /** Every breach in {@code source}, with its line and column; empty when the file is allowed. */
    public static List<RuleProblem> check(RuleSource source) {
        String text;
        switch (source.kind()) {
            case "xlsx", "csv" -> text = DecisionTables.drl(source);
            default -> text = source.content();
        }
        if (text == null) {
            return List.of(); // the compiler reports what is wrong with the table itself
        }
        boolean generated = source.kind().equals("xlsx") || source.kind().equals("csv");
        String code = blankComments(text);
        List<RuleProblem> problems = new ArrayList<>();
        Matcher imports = IMPORT.matcher(code);
        while (imports.find()) {
            String name = imports.group(1);
            if (!allowed(name)) {
                problems.add(problem(source, text, imports.start(1), generated, "import " + name
                        + " is not allowed: rules may import the fact model (org.parley.rules.fact.*), types declared in the rule set"
                        + " and these helpers: " + String.join(", ", new java.util.TreeSet<>(HELPERS))));
            }
        }
        Matcher qualified = QUALIFIED.matcher(code);
        while (qualified.find()) {
            String name = qualified.group();
            if (!allowed(name) && !insideImport(code, qualified.start())) {
                problems.add(problem(source, text, qualified.start(), generated, name
                        + " is not allowed: rules may only use the fact model, types declared in the rule set and the allowed helpers"));
            }
        }
        Matcher forbidden = FORBIDDEN.matcher(code);
        while (forbidden.find()) {
            problems.add(problem(source, text, forbidden.start(), generated, "'" + forbidden.group().strip()
                    + "' is not allowed in rules: they may not reach processes, threads, files, the network, reflection or class loading"));
        }
        return problems;
    }

    private static boolean allowed(String name) {
        if (name.equals("org.parley.rules.routing") || HELPERS.contains(name)) {
            return true;
        }
        for (String p : ALLOWED_PACKAGES) {
            if (name.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    private static boolean insideImport(String code, int at) {
        int lineStart = code.lastIndexOf('\n', at) + 1;
        String head = code.substring(lineStart, at).strip();
        return head.startsWith("import") || head.startsWith("package");
    }

    private static RuleProblem problem(RuleSource source, String text, int offset, boolean generated, String message) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        if (generated) {
            String where = DecisionTables.rowOf(source, line);
            return where == null ? new RuleProblem(source.path(), 0, 0, message)
                    : new RuleProblem(source.path(), DecisionTables.rowNumber(where), 0, where + ": " + message);
        }
        return new RuleProblem(source.path(), line, offset - lineStart + 1, message);
    }

    /** Replaces comments with spaces (keeping newlines), so offsets still point into the original text. */
    private static String blankComments(String text) {
        Matcher m = COMMENT.matcher(text);
        StringBuilder out = new StringBuilder(text);
        while (m.find()) {
            for (int i = m.start(); i < m.end(); i++) {
                if (out.charAt(i) != '\n') {
                    out.setCharAt(i, ' ');
                }
            }
        }
        return out.toString();
    }
}
