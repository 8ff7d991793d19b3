package org.parley.rules.scenario;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * RFC 4180 CSV as spreadsheets write it (Apache Commons CSV): commas, double-quoted cells with ""
 * for a quote, cells spanning lines, a UTF-8 byte-order mark ignored. Rows come with the line they
 * start on, for error messages.
 */
public final class Csv {

    /** The CSV cannot be read; the message names the line. */
    public static final class CsvException extends Exception {
        public CsvException(String message) {
            super(message);
        }
    }

    /** One row: its cells and the line (1-based) it starts on. */
    public record Row(List<String> cells, int line) {
    }

    /** Empty lines are rows of one empty cell, as before: callers decide whether a blank row matters. */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private Csv() {
    }

    /** Every row as its cells; the first row is the header if the file has one. */
    public static List<List<String>> read(Reader reader) throws CsvException {
        return rows(reader).stream().map(Row::cells).toList();
    }

    /** Every row with the line it starts on. */
    public static List<Row> rows(Reader reader) throws CsvException {
        List<Row> rows = new ArrayList<>();
        int line = 1;
        try (BufferedReader in = new BufferedReader(reader)) {
            skipByteOrderMark(in);
            try (CSVParser parser = CSVParser.builder().setReader(in).setFormat(FORMAT).get()) {
                for (CSVRecord record : parser) {
                    // An empty line is one empty cell (Commons CSV gives none), so "a row with too few cells" reads the same.
                    rows.add(new Row(record.size() == 0 ? List.of("") : record.toList(), line));
                    line = Math.toIntExact(parser.getCurrentLineNumber() + 1);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // Malformed input (an unclosed quote, text after a closing quote) comes as an I/O error from Commons CSV.
            Throwable why = e instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : e;
            throw new CsvException("line " + line + ": the CSV does not parse (" + why.getMessage() + "); a quoted cell must end"
                    + " with \" and a quote inside one is written \"\"");
        }
        return rows;
    }

    private static void skipByteOrderMark(BufferedReader in) throws IOException {
        in.mark(1);
        if (in.read() != '\uFEFF') {
            in.reset();
        }
    }
}
