package org.parley.rules.engine;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One rule file: its path, whose extension tells its kind, and its content. Text kinds hold their
 * text: {@code .drl} rules, {@code .dsl} a routing language, {@code .dslr} rules written in it,
 * {@code .drl.csv} decision tables (Drools names decision tables {@code *.drl.csv} and
 * {@code *.drl.xlsx}; a plain {@code .csv} is a scenario file). An {@code .drl.xlsx} decision
 * table is binary; its content is Base64, which is how it travels through the API and is stored
 * with a version.
 */
public record RuleSource(String path, String content) {

    /** The kinds of rule file a rule set may contain (for decision tables: {@code name.drl.csv}, {@code name.drl.xlsx}). */
    public static final Set<String> KINDS = Set.of("drl", "dsl", "dslr", "csv", "xlsx");

    public RuleSource {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
        if (!isRuleFile(path)) {
            throw new IllegalArgumentException("rule file " + path + ": not a rule file; name it *.drl (rules), *.dsl (a routing"
                    + " language), *.dslr (rules in that language), *.drl.csv or *.drl.xlsx (decision tables)");
        }
        if (path.contains("/") || path.contains("\\") || path.startsWith(".")) {
            throw new IllegalArgumentException("rule file " + path + ": give a plain file name without folders");
        }
        if (isBinary(path)) {
            try {
                Base64.getMimeDecoder().decode(content);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("rule file " + path + ": the content of a spreadsheet must be Base64 (" + e.getMessage() + ")");
            }
        }
    }

    /** A spreadsheet read from disk or the class path. */
    public static RuleSource of(String path, byte[] bytes) {
        return new RuleSource(path, isBinary(path) ? Base64.getEncoder().encodeToString(bytes) : new String(bytes, StandardCharsets.UTF_8));
    }

    /** Whether {@code path} names a rule file kind this rule set accepts. */
    public static boolean isRuleFile(String path) {
        String kind = extension(path);
        if (kind.equals("csv") || kind.equals("xlsx")) {
            return path.toLowerCase(Locale.ROOT).endsWith(".drl." + kind);
        }
        return KINDS.contains(kind);
    }

    /** Whether files of this name hold Base64 content (spreadsheets). */
    public static boolean isBinary(String path) {
        return extension(path).equals("xlsx");
    }

    public String kind() {
        return extension(path);
    }

    public boolean binary() {
        return isBinary(path);
    }

    /** The file's bytes: decoded Base64 for spreadsheets, UTF-8 text otherwise. */
    public byte[] bytes() {
        return binary() ? Base64.getMimeDecoder().decode(content) : content.getBytes(StandardCharsets.UTF_8);
    }

    private static String extension(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
