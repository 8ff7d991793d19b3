package org.parley.rules.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a rule set may name because it exists on the Asterisk side: the prompt ids of the prompt
 * catalogue (every one ships with audio) and the queues Asterisk defines. Rule validation refuses a
 * rule that names anything else ({@link NameCheck}); the dialog refuses it again at run time.
 *
 * <p>The shipped vocabulary is read from {@code asterisk-conf}'s {@code sounds/prompts.csv} and
 * {@code queues.conf}, which the build puts on the class path under {@code org/parley/asterisk/}.
 *
 * @param prompts prompt ids (e.g. {@code transfer-fraud}); null: prompts are not checked
 * @param queues  queue names (e.g. {@code fraud}); null: queues are not checked
 */
public record Vocabulary(Set<String> prompts, Set<String> queues) {

    /** Names nothing: no check at all (for rule sets compiled outside a deployment, e.g. benchmarks). */
    public static final Vocabulary ANY = new Vocabulary(null, null);

    /** Class path of the shipped prompt catalogue and queue configuration. */
    public static final String PROMPTS_RESOURCE = "org/parley/asterisk/sounds/prompts.csv";
    public static final String QUEUES_RESOURCE = "org/parley/asterisk/queues.conf";

    /** The queue name app_queue keeps for its settings: a queue called so can never be joined. */
    public static final String RESERVED_QUEUE = "general";

    /**
     * What a prompt or queue name may look like before it goes into a dialplan variable: letters, digits,
     * '-', '_' and '.', at most 80 characters. A ',' or '|' would split an application's arguments
     * (Queue(a,b) runs queue a with option string b), '$' and '{' would be evaluated, ';' starts a comment.
     */
    public static final java.util.regex.Pattern SAFE_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,79}");

    /** Whether {@code name} matches {@link #SAFE_NAME}. */
    public static boolean isSafeName(String name) {
        return name != null && SAFE_NAME.matcher(name).matches();
    }

    public Vocabulary {
        prompts = prompts == null ? null : Set.copyOf(prompts);
        queues = queues == null ? null : Set.copyOf(queues);
    }

    /** The prompts and queues that ship with Parley. */
    public static Vocabulary shipped(ClassLoader classLoader) {
        return new Vocabulary(promptIds(text(classLoader, PROMPTS_RESOURCE), PROMPTS_RESOURCE),
                queueNames(text(classLoader, QUEUES_RESOURCE)));
    }

    /** The same prompts, with the queues Asterisk reports live (AMI) added to the configured ones. */
    public Vocabulary withQueues(Collection<String> live) {
        if (queues == null || live.isEmpty()) {
            return this;
        }
        Set<String> all = new TreeSet<>(queues);
        all.addAll(live);
        return new Vocabulary(prompts, all);
    }

    public boolean knowsPrompt(String id) {
        return prompts == null || prompts.contains(id);
    }

    public boolean knowsQueue(String name) {
        return queues == null || queues.contains(name);
    }

    /**
     * The prompt ids of a catalogue: CSV {@code id,language,text} with a header line; an id may appear
     * once per language.
     *
     * @throws IllegalArgumentException naming the line of a malformed entry
     */
    public static Set<String> promptIds(String csv, String file) {
        Set<String> ids = new TreeSet<>();
        String[] lines = csv.split("\\R");
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int comma = line.indexOf(',');
            String id = comma < 0 ? "" : line.substring(0, comma).strip();
            if (!id.matches("[a-z0-9][a-z0-9-]*")) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": a prompt id is lower-case letters, digits and '-'"
                        + " (it names a sound file), followed by ,language,text; got \"" + line + "\"");
            }
            ids.add(id);
        }
        return ids;
    }

    /**
     * The queues a {@code queues.conf} defines: every section but {@code [general]} and templates
     * ({@code [name](!)}). Comments ({@code ;} to the end of the line, unless escaped) are ignored.
     */
    public static Set<String> queueNames(String queuesConf) {
        Set<String> names = new TreeSet<>();
        for (String raw : queuesConf.split("\\R")) {
            String line = withoutComment(raw).strip();
            if (!line.startsWith("[")) {
                continue;
            }
            int close = line.indexOf(']');
            if (close < 0) {
                continue;
            }
            String name = line.substring(1, close).strip();
            String options = line.substring(close + 1).strip();
            boolean template = options.startsWith("(") && options.substring(1, options.indexOf(')') < 0 ? options.length() : options.indexOf(')'))
                    .contains("!");
            if (!name.isEmpty() && !template && !name.toLowerCase(Locale.ROOT).equals(RESERVED_QUEUE)) {
                names.add(name);
            }
        }
        return names;
    }

    private static String withoutComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == ';' && (i == 0 || line.charAt(i - 1) != '\\')) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private static String text(ClassLoader classLoader, String resource) {
        try (InputStream in = classLoader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path (the build copies it from asterisk-conf)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
