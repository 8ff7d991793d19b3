package org.parley.rules.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.kie.api.builder.Message;

/**
 * Turns what the executable model reports into what an analyst can act on. Its messages about
 * constraints carry no line ("Unable to parse left part of expression: teir == \"VIP\""), and errors in
 * consequences are reported against the Java it generated. This finds the expression or identifier the
 * message names in the rule files as Drools parsed them and reports it there, explains unknown fields
 * ({@link FieldHints}) and types rules may not use ({@link RuleClassLoader}); the compiler decided, this
 * only says where.
 */
final class CompileErrors {

    private static final Pattern LEFT_PART = Pattern.compile("Unable to parse left part of expression: (.+)", Pattern.DOTALL);
    private static final Pattern ANALYSE = Pattern.compile("Unable to Analyse Expression (.+?):?$", Pattern.DOTALL);
    private static final Pattern NO_CLASS = Pattern.compile("Unable to find class: ([\\w.$]+)");
    private static final Pattern JAVA_NAME = Pattern.compile(
            "^(?:The method (\\w+)\\(.*?\\) is undefined for the type (\\w+)|The type ([\\w.$]+) cannot be resolved.*"
                    + "|([\\w.$]+) cannot be resolved(?: to a (?:type|variable))?|Only a type can be imported\\. ([\\w.$]+) resolves to a package"
                    + "|The import ([\\w.$]+) cannot be resolved)");

    private final List<RuleSource> sources;
    private final Map<RuleSource, String> drl;
    private final ClassLoader classLoader;

    CompileErrors(List<RuleSource> sources, ClassLoader classLoader) {
        this.sources = sources;
        this.drl = RuleSandbox.drlOf(sources);
        this.classLoader = classLoader;
    }

    /** The problems these messages describe, each once; null entries for messages that add nothing (generated source dumps). */
    List<RuleProblem> explain(List<Message> messages, java.util.function.Function<Message, RuleProblem> plain) {
        Set<RuleProblem> problems = new LinkedHashSet<>();
        for (Message m : messages) {
            String text = m.getText() == null ? "" : m.getText().strip();
            String path = m.getPath() == null ? "" : m.getPath();
            if (text.startsWith("Java source of ")) {
                continue; // the generated Java behind the error before it: nothing an analyst wrote
            }
            RuleProblem explained = path.startsWith("src/main/java/") || path.endsWith(".java") ? generated(text)
                    : m.getLine() <= 0 ? constraint(text, shortPath(path)) : null;
            problems.add(explained != null ? explained : plain.apply(m));
        }
        return new ArrayList<>(problems);
    }

    /** An error in a constraint: found by its expression in the parsed patterns of the file. */
    private RuleProblem constraint(String text, String path) {
        Matcher left = LEFT_PART.matcher(text);
        Matcher analyse = ANALYSE.matcher(text);
        Matcher noClass = NO_CLASS.matcher(text);
        String expression = left.find() ? left.group(1).strip() : analyse.find() ? analyse.group(1).strip() : null;
        for (Map.Entry<RuleSource, String> file : drl.entrySet()) {
            if (!file.getKey().path().equals(path) || file.getValue() == null) {
                continue;
            }
            PackageDescr pkg = RuleSandbox.parse(file.getValue());
            if (pkg == null) {
                return null;
            }
            for (RuleDescr rule : pkg.getRules()) {
                for (BaseDescr element : rule.getLhs().getDescrs()) {
                    if (!(element instanceof PatternDescr pattern)) {
                        continue;
                    }
                    if (noClass.find(0) && pattern.getObjectType().equals(noClass.group(1))) {
                        return at(file, pattern.getLine(), pattern.getColumn(), "unknown fact type " + noClass.group(1)
                                + ": rules match the fact model (org.parley.rules.fact) and types declared in the rule set; check the"
                                + " spelling and the imports");
                    }
                    if (expression == null) {
                        continue;
                    }
                    for (BaseDescr constraint : pattern.getDescrs()) {
                        if (constraint.getText() != null && constraint.getText().strip().equals(expression)) {
                            String hint = FieldHints.explainField(pattern.getObjectType(), fieldOf(expression), pkg, classLoader);
                            return at(file, constraint.getLine(), constraint.getColumn() + 1,
                                    hint != null ? hint : "cannot evaluate " + expression + " on " + pattern.getObjectType());
                        }
                    }
                }
            }
        }
        return null;
    }

    /** An error in the Java generated from a consequence or an import: found by the name it is about. */
    private RuleProblem generated(String text) {
        Matcher m = JAVA_NAME.matcher(text);
        if (!m.find()) {
            return new RuleProblem("(rule set)", 0, 0, text);
        }
        String name = first(m.group(1), m.group(3), m.group(4), m.group(5), m.group(6));
        String message = text;
        if (m.group(1) == null && refused(name)) {
            message = name + " is not available to rules: rules may use the fact model (org.parley.rules.fact), types declared in"
                    + " the rule set, strings, numbers, Math, dates and times, and collections — nothing that reaches processes,"
                    + " threads, files, the network, reflection or class loading";
        }
        String simple = name.substring(name.lastIndexOf('.') + 1);
        Pattern word = Pattern.compile("(?<![\\w.$])" + Pattern.quote(name) + "(?![\\w$])|(?<![\\w$])" + Pattern.quote(simple) + "(?![\\w$])");
        for (Map.Entry<RuleSource, String> file : drl.entrySet()) {
            if (file.getValue() == null) {
                continue;
            }
            Matcher found = word.matcher(file.getValue());
            while (found.find()) {
                if (!insideComment(file.getValue(), found.start())) {
                    int line = 1 + (int) file.getValue().substring(0, found.start()).chars().filter(c -> c == '\n').count();
                    int column = found.start() - file.getValue().lastIndexOf('\n', found.start() - 1);
                    return at(file, line, column, message);
                }
            }
        }
        return new RuleProblem("(rule set)", 0, 0, message);
    }

    /** Whether the sandbox's loader refuses this type name (simple names are taken as java.lang's, as Java does). */
    private static boolean refused(String name) {
        if (name.contains(".")) {
            return !RuleClassLoader.loadable(name);
        }
        String qualified = "java.lang." + name;
        return isJavaLang(qualified) && !RuleClassLoader.loadable(qualified);
    }

    private static boolean isJavaLang(String qualified) {
        try {
            Class.forName(qualified, false, ClassLoader.getPlatformClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private RuleProblem at(Map.Entry<RuleSource, String> file, int line, int column, String message) {
        RuleSource source = file.getKey();
        if (source.kind().equals("csv") || source.kind().equals("xlsx")) {
            String where = DecisionTables.rowOf(source, line);
            return where == null ? new RuleProblem(source.path(), 0, 0, message)
                    : new RuleProblem(source.path(), DecisionTables.rowNumber(where), 0, where + ": " + message);
        }
        return new RuleProblem(source.path(), Math.max(line, 0), Math.max(column, 0), message);
    }

    private static boolean insideComment(String text, int at) {
        int lineStart = text.lastIndexOf('\n', at - 1) + 1;
        String before = text.substring(lineStart, at).strip();
        return before.startsWith("//") || before.startsWith("#") || before.startsWith("*");
    }

    private static String fieldOf(String expression) {
        Matcher m = Pattern.compile("^\\s*([A-Za-z_$][\\w$]*)").matcher(expression);
        return m.find() ? m.group(1) : expression;
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return "";
    }

    static String shortPath(String path) {
        int slash = path.lastIndexOf('/');
        return slash >= 0 ? path.substring(slash + 1) : path;
    }
}
