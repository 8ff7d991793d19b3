package org.parley.nlp.intent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Intent examples read from CSV: a header row naming a {@code text} column and an {@code intent}
 * column ({@code category} and {@code label} are accepted too), then one example a row. Fields may be
 * quoted ("...", with "" for a quote inside). Every problem is reported with its file and line, and a
 * file with any problem yields no data at all.
 */
public final class TrainingData {

    /** An intent needs at least this many examples to be learnt at all. */
    public static final int DEFAULT_MIN_EXAMPLES = 5;

    private final String source;
    private final List<TrainingExample> examples;

    private TrainingData(String source, List<TrainingExample> examples) {
        this.source = source;
        this.examples = List.copyOf(examples);
    }

    /** Reads CSV from {@code reader}; {@code source} names the file in error messages. */
    public static TrainingData readCsv(String source, Reader reader, int minExamplesPerIntent)
            throws IOException, TrainingDataException {
        BufferedReader in = new BufferedReader(reader);
        String header = in.readLine();
        if (header == null) {
            throw new TrainingDataException(source + ": the file is empty; expected a header row such as 'text,intent'");
        }
        List<String> columns = parseCsvLine(source, 1, stripBom(header));
        int textColumn = indexOf(columns, "text");
        int intentColumn = indexOf(columns, "intent", "category", "label");
        if (textColumn < 0 || intentColumn < 0) {
            throw new TrainingDataException(source + " line 1: the header " + columns
                    + " must name a 'text' column and an 'intent' (or 'category'/'label') column");
        }
        List<TrainingExample> examples = new ArrayList<>();
        String line;
        int lineNo = 1;
        while ((line = in.readLine()) != null) {
            lineNo++;
            int recordLine = lineNo;
            // A quoted field may span lines (RFC 4180): read on until the quotes balance.
            StringBuilder record = new StringBuilder(line);
            while (quotesOpen(record)) {
                String more = in.readLine();
                if (more == null) {
                    throw new TrainingDataException(source + " line " + recordLine + ": a quoted field is not closed; add the missing '\"'");
                }
                lineNo++;
                record.append('\n').append(more);
            }
            if (record.toString().isBlank()) {
                continue;
            }
            List<String> fields = parseCsvLine(source, recordLine, record.toString());
            if (fields.size() <= Math.max(textColumn, intentColumn)) {
                throw new TrainingDataException(source + " line " + recordLine + ": expected " + columns.size()
                        + " columns " + columns + " but found " + fields.size());
            }
            String text = fields.get(textColumn).strip().replaceAll("\\s+", " ");
            String intent = fields.get(intentColumn).strip();
            if (text.isEmpty()) {
                throw new TrainingDataException(source + " line " + recordLine + ": empty text");
            }
            if (intent.isEmpty()) {
                throw new TrainingDataException(source + " line " + recordLine + ": empty intent for text '" + text + "'");
            }
            examples.add(new TrainingExample(text, intent, recordLine));
        }
        if (examples.isEmpty()) {
            throw new TrainingDataException(source + ": no examples after the header");
        }
        return of(source, examples, minExamplesPerIntent);
    }

    /** Like {@link #readCsv(String, Reader, int)} with {@link #DEFAULT_MIN_EXAMPLES}. */
    public static TrainingData readCsv(String source, Reader reader) throws IOException, TrainingDataException {
        return readCsv(source, reader, DEFAULT_MIN_EXAMPLES);
    }

    /** Reads a training file: CSV, or YAML ({@code intent: [examples...]}) when it ends in .yaml or .yml. */
    public static TrainingData read(java.nio.file.Path file) throws IOException, TrainingDataException {
        return read(file, DEFAULT_MIN_EXAMPLES);
    }

    /** Like {@link #read(java.nio.file.Path)}; evaluation data may have fewer examples per intent (1). */
    public static TrainingData read(java.nio.file.Path file, int minExamplesPerIntent) throws IOException, TrainingDataException {
        String name = file.getFileName().toString();
        try (Reader reader = java.nio.file.Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
            if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                return TrainingYaml.read(name, reader, minExamplesPerIntent);
            }
            return readCsv(name, reader, minExamplesPerIntent);
        }
    }

    /** Examples already split off other data (e.g. a held-out part); no minimum per label. */
    public static TrainingData examplesOf(String source, List<TrainingExample> examples) {
        return new TrainingData(source, examples);
    }

    /** Training data from examples already read (e.g. YAML); checks the minimum per intent. */
    static TrainingData of(String source, List<TrainingExample> examples, int minExamplesPerIntent) throws TrainingDataException {
        if (examples.isEmpty()) {
            throw new TrainingDataException(source + ": no examples");
        }
        TrainingData data = new TrainingData(source, examples);
        for (Map.Entry<String, Integer> count : data.intentCounts().entrySet()) {
            if (count.getValue() < minExamplesPerIntent) {
                throw new TrainingDataException(source + ": intent '" + count.getKey() + "' has " + count.getValue()
                        + " example(s); at least " + minExamplesPerIntent + " are needed — add examples or remove the intent");
            }
        }
        return data;
    }

    public String source() {
        return source;
    }

    public List<TrainingExample> examples() {
        return examples;
    }

    /** Examples per intent, sorted by intent name. */
    public Map<String, Integer> intentCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        examples.forEach(e -> counts.merge(e.intent(), 1, Integer::sum));
        return counts;
    }

    private static int indexOf(List<String> columns, String... names) {
        for (int i = 0; i < columns.size(); i++) {
            String column = columns.get(i).strip().toLowerCase(Locale.ROOT);
            for (String name : names) {
                if (column.equals(name)) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    /** An odd number of quote characters so far means a quoted field is still open ("" is an escaped quote, two). */
    private static boolean quotesOpen(CharSequence record) {
        long quotes = record.chars().filter(c -> c == '"').count();
        return quotes % 2 == 1;
    }

    /** RFC 4180 fields of one record (which may contain line breaks inside quotes). */
    static List<String> parseCsvLine(String source, int lineNo, String line) throws TrainingDataException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new TrainingDataException(source + " line " + lineNo + ": a quoted field is not closed; add the missing '\"'");
        }
        fields.add(field.toString());
        return fields;
    }
}
