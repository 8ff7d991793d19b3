package org.parley.tools.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an AGI command line the way Asterisk's {@code parse_args()} in res_agi.c does: words are
 * separated by spaces or tabs, double quotes group words (and are removed), a backslash escapes the
 * next character.
 */
public final class AgiArguments {

    private AgiArguments() {
    }

    public static List<String> split(String line) {
        List<String> args = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean escaped = false;
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (escaped) {
                current.append(c);
                escaped = false;
                inWord = true;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                quoted = !quoted;
                inWord = true;
            } else if ((c == ' ' || c == '\t') && !quoted) {
                if (inWord) {
                    args.add(current.toString());
                    current.setLength(0);
                    inWord = false;
                }
            } else {
                current.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            args.add(current.toString());
        }
        return args;
    }
}
