package org.parley.rules.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.antlr4.JavaLexer;

/**
 * Refuses rules that name a prompt or a queue that does not exist ({@link Vocabulary}). It reads
 * what Drools reads: each file is parsed into rules by Drools' DRL parser (routing-language files
 * expanded with the rule set's DSL first, decision tables turned into the DRL Drools generates from
 * them), and each rule's consequence is split into tokens by Drools' Java lexer, so comments and
 * the inside of strings are never mistaken for code.
 *
 * <p>Where a prompt or a queue is given to {@code transfer}, {@code clarify}, {@code callback},
 * {@code hangup}, {@code setQueue}, {@code new QueueChoice} or {@code new OpenQueue}, it must be a
 * name in quotes that exists, or a bound variable ({@code $queue}: a value from a fact whose own
 * origin was checked; the dialog checks it again when it acts). Anything computed — a concatenation,
 * a method call — is refused: it could name a prompt without audio or a queue nobody answers.
 * Files that do not parse are left to the compiler, which reports them with their lines.
 */
final class NameCheck {

    private enum Kind { PROMPT, QUEUE }

    /** A call whose arguments name things: argument position to what it names. */
    private record Sink(String what, Map<Integer, Kind> arguments) {
    }

    private static final Map<String, Sink> METHODS = Map.of(
            "transfer", new Sink("transfer(queue, priority, prompt)", Map.of(0, Kind.QUEUE, 2, Kind.PROMPT)),
            "clarify", new Sink("clarify(prompt)", Map.of(0, Kind.PROMPT)),
            "callback", new Sink("callback(prompt)", Map.of(0, Kind.PROMPT)),
            "hangup", new Sink("hangup(prompt)", Map.of(0, Kind.PROMPT)),
            "setQueue", new Sink("setQueue(queue)", Map.of(0, Kind.QUEUE)));
    private static final Map<String, Sink> CONSTRUCTORS = Map.of(
            "QueueChoice", new Sink("new QueueChoice(intent, queue, priority, prompt)", Map.of(1, Kind.QUEUE, 3, Kind.PROMPT)),
            "OpenQueue", new Sink("new OpenQueue(queue)", Map.of(0, Kind.QUEUE)));

    private NameCheck() {
    }

    static List<RuleProblem> check(List<RuleSource> sources, Vocabulary vocabulary) {
        if (vocabulary.prompts() == null && vocabulary.queues() == null) {
            return List.of();
        }
        List<RuleProblem> problems = new ArrayList<>();
        for (Map.Entry<RuleSource, String> file : RuleSandbox.drlOf(sources).entrySet()) {
            RuleSource source = file.getKey();
            String drl = file.getValue();
            PackageDescr pkg = RuleSandbox.parse(drl);
            if (pkg == null) {
                continue; // the compiler reports what is wrong with the file
            }
            for (RuleDescr rule : pkg.getRules()) {
                if (rule.getConsequence() instanceof String code) {
                    checkConsequence(source, rule, code, firstLine(drl, rule, code), vocabulary, problems);
                }
            }
        }
        return problems;
    }

    /**
     * The line of the file where the consequence's code starts: the parser hands the code over
     * without its leading blank lines, so it is looked up after the rule's first line.
     */
    private static int firstLine(String drl, RuleDescr rule, String code) {
        int from = 0;
        for (int line = 1; line < rule.getLine() && from >= 0; line++) {
            from = drl.indexOf('\n', from) + 1;
        }
        int at = code.isEmpty() ? -1 : drl.indexOf(code, Math.max(0, from));
        if (at < 0) {
            return rule.getConsequenceLine() + 1;
        }
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (drl.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static void checkConsequence(RuleSource source, RuleDescr rule, String code, int firstLine, Vocabulary vocabulary,
                                         List<RuleProblem> problems) {
        JavaLexer lexer = new JavaLexer(CharStreams.fromString(code));
        List<String> unreadable = new ArrayList<>();
        lexer.removeErrorListeners();
        lexer.addErrorListener(new org.antlr.v4.runtime.BaseErrorListener() {
            @Override
            public void syntaxError(org.antlr.v4.runtime.Recognizer<?, ?> recognizer, Object symbol, int line, int column, String message,
                                    org.antlr.v4.runtime.RecognitionException e) {
                unreadable.add(line + ":" + message);
            }
        });
        List<? extends Token> all = lexer.getAllTokens();
        // Java (and Drools' compiler) turns unicode escapes (backslash, u, four hex digits) into characters before it reads the code, so an escape
        // outside a string could spell a call this lexer does not see: only literals may hold a backslash.
        for (Token t : all) {
            int type = t.getType();
            if (type != JavaLexer.STRING_LITERAL && type != JavaLexer.TEXT_BLOCK && type != JavaLexer.CHAR_LITERAL
                    && type != JavaLexer.COMMENT && type != JavaLexer.LINE_COMMENT && t.getText().indexOf('\\') >= 0) {
                unreadable.add(t.getLine() + ":\\ outside a string");
            }
        }
        if (!unreadable.isEmpty()) {
            int line = firstLine + Integer.parseInt(unreadable.get(0).substring(0, unreadable.get(0).indexOf(':'))) - 1;
            problems.add(problem(source, line, "rule '" + rule.getName() + "': its consequence has a backslash or a character outside"
                    + " a string (" + unreadable.get(0).substring(unreadable.get(0).indexOf(':') + 1) + "); unicode escapes such as"
                    + " \\u0068 are allowed only inside quotes, where they cannot change what the rule calls"));
            return;
        }
        List<? extends Token> tokens = all.stream().filter(t -> t.getChannel() == Token.DEFAULT_CHANNEL).toList();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token name = tokens.get(i);
            if (name.getType() != JavaLexer.IDENTIFIER || tokens.get(i + 1).getType() != JavaLexer.LPAREN) {
                continue;
            }
            boolean constructed = i > 0 && tokens.get(i - 1).getType() == JavaLexer.NEW;
            Sink sink = (constructed ? CONSTRUCTORS : METHODS).get(name.getText());
            if (sink == null) {
                continue;
            }
            List<List<Token>> arguments = arguments(tokens, i + 1);
            for (Map.Entry<Integer, Kind> named : sink.arguments().entrySet()) {
                if (named.getKey() >= arguments.size()) {
                    continue; // a different overload: the compiler judges it
                }
                List<Token> argument = arguments.get(named.getKey());
                int line = firstLine + (argument.isEmpty() ? name : argument.get(0)).getLine() - 1;
                checkArgument(source, rule, sink, named.getValue(), argument, line, vocabulary, problems);
            }
        }
    }

    private static void checkArgument(RuleSource source, RuleDescr rule, Sink sink, Kind kind, List<Token> argument, int line,
                                      Vocabulary vocabulary, List<RuleProblem> problems) {
        String what = kind == Kind.PROMPT ? "prompt" : "queue";
        String where = "rule '" + rule.getName() + "': " + sink.what() + ": ";
        if (argument.size() == 1 && argument.get(0).getType() == JavaLexer.IDENTIFIER) {
            return; // a bound variable: its value comes from a fact
        }
        if (argument.size() != 1 || argument.get(0).getType() != JavaLexer.STRING_LITERAL) {
            String written = argument.stream().map(Token::getText).collect(Collectors.joining(" "));
            problems.add(problem(source, line, where + "the " + what + " must be a name in quotes (e.g. \""
                    + (kind == Kind.PROMPT ? "transfer-agent" : "customer-service") + "\"), not the expression " + written
                    + ": a name computed while the call runs can name " + (kind == Kind.PROMPT ? "a prompt that has no audio"
                    : "a queue Asterisk does not have")));
            return;
        }
        String value = unquote(argument.get(0).getText());
        if (kind == Kind.PROMPT && !value.isEmpty() && !vocabulary.knowsPrompt(value)) {
            problems.add(problem(source, line, where + "prompt \"" + value + "\" is not in the prompt catalogue, so there is no audio"
                    + " for it. Add it (asterisk-conf/src/main/asterisk/sounds/prompts.csv, then make-prompts.sh or a recording)"
                    + suggestion(value, vocabulary.prompts())));
        }
        if (kind == Kind.QUEUE && !vocabulary.knowsQueue(value)) {
            problems.add(problem(source, line, where + "queue \"" + value + "\" is not a queue Asterisk defines (queues.conf"
                    + " or the queues the manager interface reports)"
                    + (value.equalsIgnoreCase(Vocabulary.RESERVED_QUEUE) ? "; [general] is app_queue's settings section, never a queue" : "")
                    + ". Add it to queues.conf" + suggestion(value, vocabulary.queues())));
        }
    }

    private static RuleProblem problem(RuleSource source, int line, String message) {
        if (source.kind().equals("csv") || source.kind().equals("xlsx")) {
            String row = DecisionTables.rowOf(source, line);
            if (row != null) {
                return new RuleProblem(source.path(), DecisionTables.rowNumber(row), 0, row + ": " + message);
            }
        }
        return new RuleProblem(source.path(), line, 0, message);
    }

    /** The tokens of each argument of the call whose '(' is at {@code open}, split at top-level commas. */
    private static List<List<Token>> arguments(List<? extends Token> tokens, int open) {
        List<List<Token>> arguments = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            int type = t.getType();
            if (type == JavaLexer.LPAREN || type == JavaLexer.LBRACE || type == JavaLexer.LBRACK) {
                depth++;
                if (depth == 1) {
                    continue;
                }
            } else if (type == JavaLexer.RPAREN || type == JavaLexer.RBRACE || type == JavaLexer.RBRACK) {
                depth--;
                if (depth == 0) {
                    if (!current.isEmpty() || !arguments.isEmpty()) {
                        arguments.add(current);
                    }
                    return arguments;
                }
            } else if (type == JavaLexer.COMMA && depth == 1) {
                arguments.add(current);
                current = new ArrayList<>();
                continue;
            }
            current.add(t);
        }
        arguments.add(current);
        return arguments;
    }

    /** A Java string literal's value. */
    static String unquote(String literal) {
        String body = literal.substring(1, literal.length() - 1);
        StringBuilder out = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 >= body.length()) {
                out.append(c);
                continue;
            }
            char e = body.charAt(++i);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 's' -> out.append(' ');
                case 'u' -> {
                    int j = i;
                    while (j < body.length() && body.charAt(j) == 'u') {
                        j++;
                    }
                    out.append((char) Integer.parseInt(body.substring(j, Math.min(j + 4, body.length())), 16));
                    i = j + 3;
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int j = i;
                        while (j < body.length() && j < i + 3 && body.charAt(j) >= '0' && body.charAt(j) <= '7') {
                            j++;
                        }
                        out.append((char) Integer.parseInt(body.substring(i, j), 8));
                        i = j - 1;
                    } else {
                        out.append(e);
                    }
                }
            }
        }
        return out.toString();
    }

    private static String suggestion(String value, Set<String> known) {
        if (known == null || known.isEmpty()) {
            return "";
        }
        List<String> near = known.stream().sorted(Comparator.comparingInt((String k) -> FieldHints.distance(value, k)).thenComparing(k -> k))
                .limit(3).toList();
        return " or use one that exists; nearest: " + String.join(", ", near);
    }
}
