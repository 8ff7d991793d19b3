package org.parley.rules.scenario;

import java.io.BufferedReader;
import java.io.FilterReader;
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
 * start on, for error messages. Bounded: a file over {@link #MAX_CHARS} characters is refused as a
 * whole (before any row is used), as is one with more than {@link #MAX_ROWS} rows.
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

    /** 64 million characters: far beyond any scenario file, and a CRM drop of about a million customers. */
    public static final long MAX_CHARS = 64L * 1024 * 1024;

    /** Rows read at most. */
    public static final long MAX_ROWS = 2_000_000;

    /** Empty lines are rows of one empty cell, as before: callers decide whether a blank row matters. */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false)
            .setMaxRows(MAX_ROWS + 1).get();

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
        try (BufferedReader in = new BufferedReader(new Limited(reader, MAX_CHARS))) {
            skipByteOrderMark(in);
            try (CSVParser parser = CSVParser.builder().setReader(in).setFormat(FORMAT).get()) {
                for (CSVRecord record : parser) {
                    // An empty line is one empty cell (Commons CSV gives none), so "a row with too few cells" reads the same.
                    rows.add(new Row(record.size() == 0 ? List.of("") : record.toList(), line));
                    line = Math.toIntExact(parser.getCurrentLineNumber() + 1);
                }
            }
            if (rows.size() > MAX_ROWS) {
                throw new CsvException("the file has more than " + MAX_ROWS + " rows; split it into smaller files");
            }
        } catch (TooLong e) {
            throw new CsvException("the file is longer than " + MAX_CHARS + " characters; split it into smaller files");
        } catch (IOException | UncheckedIOException e) {
            if (e.getCause() instanceof TooLong) {
                throw new CsvException("the file is longer than " + MAX_CHARS + " characters; split it into smaller files");
            }
            // Malformed input (an unclosed quote, text after a closing quote) comes as an I/O error from Commons CSV.
            Throwable why = e instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : e;
            throw new CsvException("line " + line + ": the CSV does not parse (" + why.getMessage() + "); a quoted cell must end"
                    + " with \" and a quote inside one is written \"\"");
        }
        return rows;
    }

    /** Reading went past the limit. */
    private static final class TooLong extends IOException {
        TooLong() {
            super("too long");
        }
    }

    /**
     * Fails once more than {@code max} characters were read. Hand-written because Commons IO's
     * {@code BoundedReader} ends the text silently at the limit, which would import half a file.
     */
    private static final class Limited extends FilterReader {
        private final long max;
        private long read;

        Limited(Reader in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            count(c < 0 ? 0 : 1);
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) throws TooLong {
            read += n;
            if (read > max) {
                throw new TooLong();
            }
        }
    }

    private static void skipByteOrderMark(BufferedReader in) throws IOException {
        in.mark(1);
        if (in.read() != '\uFEFF') {
            in.reset();
        }
    }
}
