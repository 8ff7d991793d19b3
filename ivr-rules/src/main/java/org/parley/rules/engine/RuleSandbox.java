package org.parley.rules.engine;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * What analysts' rules may do, decided from what Drools made of them, never from their text. Two checks:
 * <ol>
 * <li>{@link #checkParsed}: on the files as Drools parses them (DSL sentences expanded, decision tables
 * turned into DRL): one package, no DRL {@code function}s, no {@code global}s, no imported functions or
 * accumulate functions, no MVEL dialect, no timers or calendars.</li>
 * <li>{@link #checkCompiled}: on every class file the executable model generated for the rule set — each
 * constraint, consequence, {@code from}, {@code eval}, salience and declared type is Java bytecode there —
 * every type named, every method called, every field touched and every lambda target must be on the
 * allow-list below; the code may not loop (a backward jump), lock, or create an array whose size is not
 * a small constant. So each firing does a bounded amount of work, and the decision's fire limit and
 * deadline ({@link RuleSet#decide}) bound the whole turn.</li>
 * </ol>
 * The allow-list: the fact model ({@code org.parley.rules.fact}), the rule set's own package
 * ({@code org.parley.rules.routing}: declared types and generated code), the Drools model API the
 * generated code is built from, and the JDK's values: strings, numbers, {@code Math}, dates and times,
 * collections. {@link RuleClassLoader} is the second wall: the compiler and the generated classes
 * cannot even load anything else.
 */
public final class RuleSandbox {

    /** The one package rule files are written in; every generated class lives in it (or Drools' project model). */
    public static final String PACKAGE = "org.parley.rules.routing";

    private static final String RULES = PACKAGE.replace('.', '/') + "/";
    private static final String FACTS = "org/parley/rules/fact/";
    private static final String ALL = "*";

    /** Method owners outside the fact model and the rule package, and what may be called on them. */
    private static final Map<String, Set<String>> METHODS = new LinkedHashMap<>();
    /** Types that may be named (in signatures, casts, class literals) but not called. */
    private static final Set<String> NAMED_ONLY = Set.of("java/lang/Class", "java/lang/Iterable", "java/lang/Void",
            "java/lang/Record", "java/io/Serializable", "java/lang/annotation/Annotation", "java/lang/annotation/Retention",
            "java/lang/annotation/RetentionPolicy", "java/lang/annotation/Target", "java/lang/annotation/ElementType",
            "java/lang/invoke/MethodHandles$Lookup", "java/lang/invoke/MethodHandle", "java/lang/invoke/MethodType",
            "java/lang/invoke/CallSite", "java/lang/Override", "java/lang/Deprecated", "java/lang/SuppressWarnings",
            "java/lang/FunctionalInterface");
    /** Methods that are never allowed, whatever their owner allows: amplifiers and global state. */
    private static final Set<String> NEVER = Set.of("java/lang/String.repeat", "java/lang/String.format", "java/lang/String.formatted",
            "java/lang/Integer.getInteger", "java/lang/Long.getLong", "java/lang/Boolean.getBoolean",
            "java/lang/StringBuilder.ensureCapacity", "java/lang/StringBuilder.setLength", "java/util/Locale.setDefault");
    /** Constructors that take a capacity (an amplifier): never allowed. */
    private static final Set<String> CAPACITY_CONSTRUCTORS = Set.of("java/lang/StringBuilder", "java/util/ArrayList",
            "java/util/HashMap", "java/util/HashSet", "java/util/LinkedHashMap", "java/util/LinkedHashSet");
    /** Bootstrap methods that invokedynamic may use: lambdas and string concatenation. */
    private static final Set<String> BOOTSTRAPS = Set.of("java/lang/invoke/LambdaMetafactory.metafactory",
            "java/lang/invoke/LambdaMetafactory.altMetafactory", "java/lang/invoke/StringConcatFactory.makeConcatWithConstants",
            "java/lang/invoke/StringConcatFactory.makeConcat");
    /** What a declared field's default may be: a literal, nothing that runs. */
    private static final java.util.regex.Pattern LITERAL = java.util.regex.Pattern.compile(
            "-?\\d+(\\.\\d+)?[lLdDfF]?|\"[^\"\\\\]*\"|true|false|null");

    /** Calls whose only (last) argument is a regular expression: allowed with a safe literal pattern. */
    private static final Set<String> SINGLE_REGEX = Set.of("java/util/regex/Pattern.compile(Ljava/lang/String;)Ljava/util/regex/Pattern;",
            "java/lang/String.matches(Ljava/lang/String;)Z", "java/lang/String.split(Ljava/lang/String;)[Ljava/lang/String;");
    /** Other calls that take a regular expression somewhere among their arguments: refused. */
    private static final Set<String> OTHER_REGEX = Set.of("java/util/regex/Pattern.compile", "java/util/regex/Pattern.matches",
            "java/util/regex/Pattern.split", "java/util/regex/Pattern.splitAsStream", "java/lang/String.replaceAll",
            "java/lang/String.replaceFirst", "java/lang/String.split", "java/lang/String.matches");

    /** Largest constant array the generated code may create (varargs of the model API). */
    private static final int MAX_ARRAY = 256;
    /**
     * The executable model's rule-list classes ({@code Rules<hash>}, {@code Rules<hash>RuleMethods<n>}) collect
     * every rule in a list sized by the rule count, a constant of the rule set: allowed there up to this.
     */
    private static final int MAX_RULE_LIST = 100_000;
    private static final java.util.regex.Pattern RULE_LIST_CLASS = java.util.regex.Pattern.compile(
            java.util.regex.Pattern.quote(RULES) + "Rules[0-9A-Fa-f]{32}(RuleMethods[0-9]+)?");

    static {
        for (String value : List.of("String", "StringBuilder", "CharSequence", "Comparable", "Number", "Integer", "Long", "Double",
                "Float", "Short", "Byte", "Boolean", "Character", "Math", "StrictMath", "Enum")) {
            METHODS.put("java/lang/" + value, Set.of(ALL));
        }
        METHODS.put("java/lang/Object", Set.of("<init>", "equals", "hashCode", "toString"));
        for (String thrown : List.of("Exception", "RuntimeException", "IllegalArgumentException", "IllegalStateException",
                "UnsupportedOperationException", "NullPointerException", "ArithmeticException")) {
            METHODS.put("java/lang/" + thrown, Set.of("<init>", "getMessage"));
        }
        // The executable model copies bound variables' arrays; nothing else of System.
        METHODS.put("java/lang/System", Set.of("arraycopy"));
        for (String collection : List.of("List", "Set", "Map", "Map$Entry", "Collection", "Iterator", "Optional", "Objects",
                "ArrayList", "HashMap", "HashSet", "LinkedHashMap", "LinkedHashSet")) {
            METHODS.put("java/util/" + collection, Set.of(ALL));
        }
        METHODS.put("java/util/Arrays", Set.of("asList"));
        METHODS.put("java/util/Collections", Set.of("emptyList", "emptySet", "emptyMap", "singletonList", "singleton",
                "singletonMap", "unmodifiableList", "unmodifiableSet", "unmodifiableMap"));
        METHODS.put("java/util/Locale", Set.of("getLanguage", "getCountry", "toLanguageTag", "forLanguageTag", "equals", "hashCode",
                "toString"));
        METHODS.put("java/util/regex/Pattern", Set.of("compile", "matcher", "matches", "pattern"));
        METHODS.put("java/util/regex/Matcher", Set.of("matches", "find", "group", "lookingAt"));
        // The Drools model API the generated code is built from; the rule's view of the engine is narrower.
        METHODS.put("org/drools/model/Drools", Set.of("insert", "update", "delete", "halt"));
        METHODS.put("org/drools/util/DateUtils", Set.of("getDateFormatMask"));
        METHODS.put("org/kie/api/KieServices", Set.of("get", "newKieModuleModel"));
        METHODS.put("org/kie/util/maven/support/ReleaseIdImpl", Set.of("<init>"));
    }

    /** Package trees whose every method may be called: the model API, its DSL and its helpers, and configuration objects. */
    private static final List<String> OPEN_TREES = List.of("java/util/function/", "java/time/", "org/drools/model/",
            "org/drools/modelcompiler/dsl/", "org/drools/modelcompiler/util/EvaluationUtil", "org/drools/modelcompiler/CanonicalKieModuleModel",
            "org/drools/base/factmodel/", "org/drools/compiler/kie/builder/MaterializedLambda", "org/kie/api/builder/model/",
            "org/kie/api/conf/", "org/kie/api/runtime/conf/", "org/kie/api/builder/ReleaseId");

    private RuleSandbox() {
    }

    /** Where a rule is written, to name it in a problem. */
    record Place(String path, int line, String prefix) {
    }

    /** The files as Drools reads them: DRL text per source (DSLR expanded, tables generated), null where it cannot be read. */
    static Map<RuleSource, String> drlOf(List<RuleSource> sources) {
        String dsl = sources.stream().filter(s -> s.kind().equals("dsl")).map(RuleSource::content)
                .reduce("", (a, b) -> a + "\n" + b);
        Map<RuleSource, String> drl = new LinkedHashMap<>();
        for (RuleSource source : sources) {
            drl.put(source, switch (source.kind()) {
                case "drl" -> source.content();
                case "dslr" -> expand(source, dsl);
                case "csv", "xlsx" -> DecisionTables.drl(source);
                default -> null;
            });
        }
        return drl;
    }

    /**
     * Refuses what rules may not declare, found in the parsed files. Files that do not parse are left to
     * the compiler, which names the syntax error. Also returns, through {@code places}, where each rule is.
     */
    static List<RuleProblem> checkParsed(List<RuleSource> sources, Map<String, Place> places) {
        List<RuleProblem> problems = new ArrayList<>();
        for (Map.Entry<RuleSource, String> file : drlOf(sources).entrySet()) {
            RuleSource source = file.getKey();
            PackageDescr pkg = parse(file.getValue());
            if (pkg == null) {
                continue;
            }
            boolean table = source.kind().equals("csv") || source.kind().equals("xlsx");
            for (RuleDescr rule : pkg.getRules()) {
                String where = table ? DecisionTables.rowOf(source, rule.getLine()) : null;
                places.putIfAbsent(rule.getName(), where == null ? new Place(source.path(), table ? 0 : rule.getLine(), "")
                        : new Place(source.path(), DecisionTables.rowNumber(where), where + ": "));
            }
            Place file0 = new Place(source.path(), 0, "");
            if (pkg.getName() != null && !pkg.getName().isEmpty() && !pkg.getName().equals(PACKAGE)) {
                problems.add(problem(file0, "package " + pkg.getName() + " is not allowed: rule files are written in package "
                        + PACKAGE));
            }
            pkg.getFunctions().forEach(f -> problems.add(problem(new Place(source.path(), f.getLine(), ""),
                    "function " + f.getName() + " is not allowed: rules may not define functions; write the logic as rules over facts")));
            pkg.getFunctionImports().forEach(i -> problems.add(problem(new Place(source.path(), i.getLine(), ""),
                    "import function " + i.getTarget() + " is not allowed: rules may not call functions from outside the fact model")));
            pkg.getAccumulateImports().forEach(i -> problems.add(problem(new Place(source.path(), i.getLine(), ""),
                    "import accumulate " + i.getTarget() + " is not allowed: use the built-in accumulate functions (count, sum, min, max, average)")));
            pkg.getGlobals().forEach(g -> problems.add(problem(new Place(source.path(), g.getLine(), ""),
                    "global " + g.getIdentifier() + " is not allowed: Parley gives rules no globals; what rules need arrives as facts")));
            // Declared types are compiled and loaded while the rule set builds, before the compiled-code check:
            // nothing of theirs may run code then (an enum's constants, a field's default).
            pkg.getEnumDeclarations().forEach(e -> problems.add(problem(new Place(source.path(), e.getLine(), ""),
                    "declare enum " + e.getTypeName() + " is not allowed: use a String field or the fact model's enums")));
            pkg.getTypeDeclarations().forEach(t -> t.getFields().values().forEach(f -> {
                if (f.getInitExpr() != null && !LITERAL.matcher(f.getInitExpr().strip()).matches()) {
                    problems.add(problem(new Place(source.path(), f.getLine(), ""), "declared field " + t.getTypeName() + "."
                            + f.getFieldName() + ": the default " + f.getInitExpr().strip() + " is not allowed; a default must be a literal"
                            + " (a number, a quoted string, true or false)"));
                }
            }));
            checkAttributes(pkg.getAttributes(), new Place(source.path(), 0, ""), problems);
            for (RuleDescr rule : pkg.getRules()) {
                Place at = places.getOrDefault(rule.getName(), new Place(source.path(), rule.getLine(), ""));
                checkAttributes(rule.getAttributes().values(), at, problems);
            }
        }
        return problems;
    }

    private static void checkAttributes(Iterable<AttributeDescr> attributes, Place at, List<RuleProblem> problems) {
        for (AttributeDescr attribute : attributes) {
            String name = attribute.getName();
            String value = attribute.getValue() == null ? "" : attribute.getValue().strip();
            if (name.equals("dialect") && !value.replace("\"", "").equals("java")) {
                problems.add(problem(at, "dialect " + value + " is not allowed: rules are written in the java dialect (the MVEL"
                        + " dialect is off)"));
            } else if (Set.of("timer", "duration", "calendars").contains(name)) {
                problems.add(problem(at, name + " is not allowed: a decision is taken in one pass over the turn's facts, rules"
                        + " cannot wait or be scheduled"));
            }
        }
    }

    /**
     * Refuses generated code that reaches beyond the allow-list. {@code classFiles} maps each class file's
     * path to its bytes; problems name the rule that the offending code came from when it can be told.
     */
    static List<RuleProblem> checkCompiled(Map<String, byte[]> classFiles, Map<String, Place> places) {
        Map<String, String> ruleOfClass = new LinkedHashMap<>();
        Map<String, List<String>> breaches = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> file : classFiles.entrySet()) {
            Inspector inspector = new Inspector(ruleOfClass);
            new ClassReader(file.getValue()).accept(inspector, 0);
            if (!inspector.breaches.isEmpty()) {
                breaches.put(inspector.className, new ArrayList<>(inspector.breaches));
            }
        }
        List<RuleProblem> problems = new ArrayList<>();
        Map<String, Set<String>> perPlace = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> offender : breaches.entrySet()) {
            String rule = ruleOfClass.get(offender.getKey());
            String key = rule == null ? "" : rule;
            perPlace.computeIfAbsent(key, k -> new LinkedHashSet<>()).addAll(offender.getValue());
        }
        for (Map.Entry<String, Set<String>> entry : perPlace.entrySet()) {
            String rule = entry.getKey();
            Place at = rule.isEmpty() ? new Place("(rule set)", 0, "") : places.getOrDefault(rule, new Place("(rule set)", 0, ""));
            String who = rule.isEmpty() ? "the rule set's declarations" : "rule \"" + rule + "\"";
            problems.add(problem(at, who + " " + String.join("; ", entry.getValue())
                    + ". Rules may use the fact model (org.parley.rules.fact), types declared in the rule set, strings, numbers, Math,"
                    + " dates and times, and collections — nothing that reaches processes, threads, files, the network, reflection"
                    + " or class loading"));
        }
        return problems;
    }

    private static RuleProblem problem(Place at, String message) {
        return new RuleProblem(at.path(), at.line(), 0, at.prefix() + message);
    }

    /** The file as Drools parses it, or null when it does not parse (the compiler then reports it with its line). */
    static PackageDescr parse(String drl) {
        if (drl == null) {
            return null;
        }
        try {
            DrlParser parser = new DrlParser();
            PackageDescr pkg = parser.parse(false, drl);
            return parser.hasErrors() ? null : pkg;
        } catch (DroolsParserException | RuntimeException e) {
            return null; // the compiler reports the same file with its line
        }
    }

    private static String expand(RuleSource dslr, String dsl) {
        if (dsl.isBlank()) {
            return null;
        }
        try {
            DrlParser parser = new DrlParser();
            String drl = parser.getExpandedDRL(dslr.content(), new StringReader(dsl));
            return parser.hasErrors() ? null : drl;
        } catch (DroolsParserException | RuntimeException e) {
            return null;
        }
    }

    /** Whether code may name this type (internal name) at all. */
    static boolean mayName(String type) {
        return type.startsWith(FACTS) || type.startsWith(RULES) || type.startsWith("org/drools/project/model/ProjectModel")
                || NAMED_ONLY.contains(type) || METHODS.containsKey(type) || openTree(type)
                || type.startsWith("org/drools/") && RuleClassLoader.loadable(type.replace('/', '.'))
                || type.startsWith("org/kie/") && RuleClassLoader.loadable(type.replace('/', '.'));
    }

    /** Whether code may call {@code owner.name} with this descriptor. */
    static boolean mayCall(String owner, String name, String descriptor) {
        if (owner.startsWith("[")) {
            return name.equals("clone") || name.equals("length");
        }
        if (owner.startsWith(FACTS) || owner.startsWith(RULES) || owner.startsWith("org/drools/project/model/ProjectModel")) {
            return true;
        }
        if (NEVER.contains(owner + "." + name)) {
            return false;
        }
        if (name.equals("<init>") && CAPACITY_CONSTRUCTORS.contains(owner) && descriptor.startsWith("(I")) {
            return false;
        }
        Set<String> allowed = METHODS.get(owner);
        if (allowed != null) {
            return allowed.contains(ALL) || allowed.contains(name);
        }
        return openTree(owner);
    }

    private static boolean openTree(String type) {
        for (String tree : OPEN_TREES) {
            if (type.startsWith(tree)) {
                return true;
            }
        }
        return false;
    }

    private static String dotted(String internal) {
        return internal.replace('/', '.');
    }

    /** Walks one class file and collects what it uses that the allow-list does not. */
    private static final class Inspector extends ClassVisitor {

        private final Map<String, String> ruleOfClass;
        private final Set<String> breaches = new TreeSet<>();
        private String className;

        Inspector(Map<String, String> ruleOfClass) {
            super(Opcodes.ASM9);
            this.ruleOfClass = ruleOfClass;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            className = name;
            if (!name.startsWith(RULES) && !name.startsWith("org/drools/project/model/ProjectModel")) {
                breaches.add("generates class " + dotted(name) + " outside package " + PACKAGE);
            }
            if (superName != null) {
                type(superName);
            }
            for (String i : interfaces) {
                type(i);
            }
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            descriptor(descriptor);
            return null;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            descriptor(descriptor);
            return new Code();
        }

        private void type(String internal) {
            Type t = Type.getObjectType(internal);
            while (t.getSort() == Type.ARRAY) {
                t = t.getElementType();
            }
            if (t.getSort() == Type.OBJECT && !mayName(t.getInternalName())) {
                breaches.add("uses type " + dotted(t.getInternalName()));
            }
        }

        private void descriptor(String descriptor) {
            Type t = Type.getType(descriptor);
            if (t.getSort() == Type.METHOD) {
                descriptor(t.getReturnType().getDescriptor());
                for (Type argument : t.getArgumentTypes()) {
                    descriptor(argument.getDescriptor());
                }
            } else if (t.getSort() == Type.OBJECT || t.getSort() == Type.ARRAY) {
                type(t.getSort() == Type.ARRAY ? t.getElementType().getDescriptor().startsWith("L")
                        ? t.getElementType().getInternalName() : "java/lang/Object" : t.getInternalName());
            }
        }

        private void call(String owner, String name, String descriptor) {
            if (!owner.startsWith("[")) {
                type(owner);
            }
            descriptor(descriptor);
            if (!mayCall(owner, name, descriptor)) {
                breaches.add("calls " + dotted(owner) + "." + name + "()");
            }
        }

        private void handle(Handle handle) {
            if (handle.getTag() <= Opcodes.H_PUTSTATIC) {
                field(handle.getOwner(), handle.getTag() == Opcodes.H_PUTFIELD || handle.getTag() == Opcodes.H_PUTSTATIC);
            } else {
                call(handle.getOwner(), handle.getName(), handle.getDesc());
                regex(handle.getOwner(), handle.getName(), handle.getDesc(), null);
            }
        }

        /**
         * A call that takes a regular expression: the pattern must be a string literal right there (the executable
         * model turns {@code matches "..."} into {@code Pattern.compile("...")}) and safe by {@link RegexCheck}; a
         * pattern computed from facts (a CRM field, the caller's words) could be made to backtrack for ever.
         */
        private void regex(String owner, String name, String descriptor, String literal) {
            String call = owner + "." + name + descriptor;
            if (owner.equals("org/drools/model/operators/MatchesOperator")) {
                breaches.add("matches a pattern that is not written in the rule; write the pattern as a string literal");
            } else if (SINGLE_REGEX.contains(call)) {
                String problem = literal == null ? "uses a regular expression that is not a string literal" : RegexCheck.problem(literal);
                if (problem != null) {
                    breaches.add(problem.startsWith("uses") ? problem : "uses " + problem + ": \"" + literal + "\"");
                }
            } else if (OTHER_REGEX.contains(owner + "." + name)) {
                breaches.add("calls " + dotted(owner) + "." + name + "(), which takes a regular expression; use matches with a pattern"
                        + " written in the rule");
            }
        }

        private void field(String owner, boolean write) {
            type(owner);
            boolean own = owner.startsWith(FACTS) || owner.startsWith(RULES) || owner.startsWith("org/drools/project/model/");
            if (write && !own) {
                breaches.add("writes a field of " + dotted(owner));
            }
        }

        private void constant(Object value) {
            if (value instanceof Type t) {
                descriptor(t.getDescriptor());
            } else if (value instanceof Handle h) {
                handle(h);
            } else if (value instanceof ConstantDynamic) {
                breaches.add("uses a dynamic constant");
            }
        }

        /** Checks one method body; also learns which rule a lambda class belongs to from the rule-building methods. */
        private final class Code extends MethodVisitor {

            private final Set<Label> seen = new java.util.HashSet<>();
            /** Labels some jump, switch or exception handler goes to. */
            private final Set<Label> targets = new java.util.HashSet<>();
            private Object lastConstant;
            private String lastString;
            /** The string the instruction just before pushed (LDC), else null. */
            private String justPushed;
            /** Local variables holding a known constant since the last label. */
            private final Map<Integer, Object> locals = new java.util.HashMap<>();
            /** The rule this method builds, once it has called D.rule(package, name). */
            private String ruleName;

            Code() {
                super(Opcodes.ASM9);
            }

            @Override
            public void visitLabel(Label label) {
                seen.add(label);
                if (targets.contains(label)) {
                    // A jump arrives here, maybe with something else on the stack or in the locals. (Every jump is
                    // forward, backward ones are refused, so its target is known by now; other labels only mark lines.)
                    justPushed = null;
                    lastConstant = null;
                    locals.clear();
                }
            }

            @Override
            public void visitJumpInsn(int opcode, Label label) {
                targets.add(label);
                if (seen.contains(label)) {
                    breaches.add("loops (a for, while or do loop); rules may not loop: match each item with a pattern instead");
                }
                note(opcode, null);
            }

            @Override
            public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
                backwards(dflt, labels);
                note(Opcodes.TABLESWITCH, null);
            }

            @Override
            public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
                backwards(dflt, labels);
                note(Opcodes.LOOKUPSWITCH, null);
            }

            private void backwards(Label dflt, Label[] labels) {
                targets.add(dflt);
                targets.addAll(List.of(labels));
                boolean back = seen.contains(dflt);
                for (Label l : labels) {
                    back |= seen.contains(l);
                }
                if (back) {
                    breaches.add("loops (a switch that jumps back); rules may not loop");
                }
            }

            @Override
            public void visitInsn(int opcode) {
                if (opcode == Opcodes.MONITORENTER || opcode == Opcodes.MONITOREXIT) {
                    breaches.add("locks an object (synchronized); rules may not");
                }
                if (opcode == Opcodes.DUP) {
                    return; // a duplicated size is still the same size
                }
                note(opcode, switch (opcode) {
                    // A copy the size of an existing array (an enum's values()) is bounded by that array.
                    case Opcodes.ARRAYLENGTH -> 0;
                    case Opcodes.ICONST_0, Opcodes.ICONST_1, Opcodes.ICONST_2, Opcodes.ICONST_3, Opcodes.ICONST_4, Opcodes.ICONST_5 ->
                            opcode - Opcodes.ICONST_0;
                    default -> null;
                });
            }

            @Override
            public void visitIntInsn(int opcode, int operand) {
                if (opcode == Opcodes.NEWARRAY) {
                    array();
                }
                note(opcode, opcode == Opcodes.BIPUSH || opcode == Opcodes.SIPUSH ? operand : null);
            }

            @Override
            public void visitVarInsn(int opcode, int varIndex) {
                justPushed = null;
                // Array sizes: a store keeps what the stack held (the executable model copies values() with
                // ARRAYLENGTH, DUP, ISTORE, ANEWARRAY); a load brings back what was stored, or nothing known.
                if (opcode >= Opcodes.ISTORE && opcode <= Opcodes.ASTORE) {
                    locals.put(varIndex, lastConstant);
                } else {
                    lastConstant = locals.get(varIndex);
                }
            }

            @Override
            public void visitIincInsn(int varIndex, int increment) {
                justPushed = null;
                locals.remove(varIndex);
            }

            @Override
            public void visitTypeInsn(int opcode, String type) {
                type(type);
                if (opcode == Opcodes.ANEWARRAY) {
                    array();
                }
                note(opcode, null);
            }

            @Override
            public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
                breaches.add("creates a multi-dimensional array");
                note(Opcodes.MULTIANEWARRAY, null);
            }

            private void array() {
                if (!(lastConstant instanceof Integer size) || size < 0 || size > (ruleList() ? MAX_RULE_LIST : MAX_ARRAY)) {
                    breaches.add("creates an array whose size is not a small constant");
                }
            }

            @Override
            public void visitLdcInsn(Object value) {
                constant(value);
                note(Opcodes.LDC, value instanceof Integer ? value : null);
                if (value instanceof String s) {
                    lastString = s;
                    justPushed = s;
                }
            }

            @Override
            public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
                field(owner, opcode == Opcodes.PUTFIELD || opcode == Opcodes.PUTSTATIC);
                if (owner.equals("org/drools/model/operators/MatchesOperator")) {
                    // the executable model's matches with a pattern it could not precompile: one taken from a fact
                    breaches.add("matches a pattern that is not written in the rule; write the pattern as a string literal");
                }
                descriptor(descriptor);
                if (opcode == Opcodes.GETSTATIC && ruleName != null && !owner.equals(className) && owner.startsWith(RULES)) {
                    // A rule-building method names its rule (D.rule(pkg, name)) and then takes its lambdas' INSTANCE fields.
                    ruleOfClass.putIfAbsent(owner, ruleName);
                }
                note(opcode, null);
            }

            @Override
            public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
                if (name.equals("<init>") && CAPACITY_CONSTRUCTORS.contains(owner) && descriptor.startsWith("(I") && ruleList()
                        && lastConstant instanceof Integer size && size >= 0 && size <= MAX_RULE_LIST) {
                    // the rule list's new ArrayList<>(rule count)
                    type(owner);
                    descriptor(descriptor);
                } else {
                    call(owner, name, descriptor);
                }
                regex(owner, name, descriptor, justPushed);
                if (owner.equals("org/drools/modelcompiler/dsl/pattern/D") && name.equals("rule")) {
                    ruleName = lastString;
                }
                note(opcode, null);
            }

            @Override
            public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
                descriptor(descriptor);
                if (!BOOTSTRAPS.contains(bootstrap.getOwner() + "." + bootstrap.getName())) {
                    breaches.add("uses invokedynamic with " + dotted(bootstrap.getOwner()) + "." + bootstrap.getName());
                }
                for (Object argument : arguments) {
                    constant(argument);
                }
                note(Opcodes.INVOKEDYNAMIC, null);
            }

            @Override
            public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
                targets.add(handler);
                if (type != null) {
                    type(type);
                }
            }

            @Override
            public void visitLocalVariable(String name, String descriptor, String signature, Label start, Label end, int index) {
                descriptor(descriptor);
            }

            private boolean ruleList() {
                return RULE_LIST_CLASS.matcher(className).matches();
            }

            private void note(int opcode, Object constant) {
                lastConstant = constant;
                justPushed = null;
            }
        }
    }
}
