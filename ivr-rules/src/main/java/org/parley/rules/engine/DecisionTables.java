package org.parley.rules.engine;

import java.io.ByteArrayInputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;

/** Maps a line of the DRL that Drools generates from a decision table back to the table's row. */
public final class DecisionTables {

    private static final Pattern ROW_COMMENT = Pattern.compile("^// rule values at [A-Z]+(\\d+)");
    private static final Pattern ROW = Pattern.compile("row (\\d+)");

    private DecisionTables() {
    }

    /** {@code "row 12 (rule 'General weekdays')"} for a line of the generated DRL, or null. */
    static String rowOf(RuleSource table, int drlLine) {
        if (drlLine <= 0) {
            return null;
        }
        String drl = drl(table);
        if (drl == null) {
            return null;
        }
        String[] lines = drl.split("\\R", -1);
        for (int i = Math.min(drlLine, lines.length) - 1; i >= 0; i--) {
            Matcher m = ROW_COMMENT.matcher(lines[i]);
            if (m.find()) {
                String rule = i + 1 < lines.length ? lines[i + 1].replaceFirst("^rule\\s+", "").replace("\"", "").strip() : "";
                return "row " + m.group(1) + (rule.isEmpty() ? "" : " (rule '" + rule + "')");
            }
        }
        return null;
    }

    static int rowNumber(String where) {
        Matcher m = ROW.matcher(where);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** The DRL Drools generates from a decision table, or null when the table cannot be read at all. */
    public static String drl(RuleSource table) {
        try {
            return new SpreadsheetCompiler().compile(new ByteArrayInputStream(table.bytes()),
                    table.kind().equals("csv") ? InputType.CSV : InputType.XLS);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
