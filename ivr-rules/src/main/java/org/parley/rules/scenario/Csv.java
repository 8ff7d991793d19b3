package org.parley.rules.scenario;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV as spreadsheets write it: commas, double-quoted cells with "" for a quote, cells spanning lines. */
public final class Csv {

    /** The CSV cannot be read; the message names the line. */
    public static final class CsvException extends Exception {
        public CsvException(String message) {
            super(message);
        }
    }

    private Csv() {
    }

    /** Every row as its cells; the first row is the header if the file has one. */
    public static List<List<String>> read(Reader reader) throws CsvException {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        try (BufferedReader in = new BufferedReader(reader)) {
            int ch;
            while ((ch = in.read()) != -1) {
                char c = (char) ch;
                if (quoted) {
                    if (c == '"') {
                        in.mark(1);
                        int next = in.read();
                        if (next == '"') {
                            cell.append('"');
                        } else {
                            quoted = false;
                            if (next != -1) {
                                in.reset();
                            }
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        cell.append(c);
                    }
                } else if (c == '"' && cell.isEmpty()) {
                    quoted = true;
                } else if (c == ',') {
                    row.add(cell.toString());
                    cell.setLength(0);
                } else if (c == '\n') {
                    row.add(cell.toString());
                    cell.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                    line++;
                } else if (c != '\r') {
                    cell.append(c);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (quoted) {
            throw new CsvException("line " + line + ": a quoted cell is not closed");
        }
        if (!cell.isEmpty() || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
