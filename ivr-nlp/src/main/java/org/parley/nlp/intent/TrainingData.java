package org.parley.nlp.intent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Intent examples read from CSV: a header row naming a {@code text} column and an {@code intent}
 * column ({@code category} and {@code label} are accepted too), then one example a row. Fields may be
 * quoted ("...", with "" for a quote inside, line breaks allowed); a UTF-8 byte-order mark is ignored. Every problem is reported with its file and line, and a
 * file with any problem yields no data at all.
 */
public final class TrainingData {

    /**
     * RFC 4180 (Apache Commons CSV). Empty lines come through as empty records (and are skipped
     * below) so that every record's first line is known for error messages.
     */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

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
        in.mark(1);
        if (in.read() != '\uFEFF') {
            in.reset(); // a spreadsheet's UTF-8 byte-order mark is not part of the first column's name
        }
        List<TrainingExample> examples = new ArrayList<>();
        List<String> columns = null;
        int textColumn = -1;
        int intentColumn = -1;
        long recordLine = 1;
        try (CSVParser parser = CSVParser.builder().setReader(in).setFormat(FORMAT).get()) {
            for (CSVRecord record : parser) {
                List<String> fields = record.toList();
                long line = recordLine;
                recordLine = parser.getCurrentLineNumber() + 1;
                if (columns == null) {
                    columns = fields;
                    textColumn = indexOf(columns, "text");
                    intentColumn = indexOf(columns, "intent", "category", "label");
                    if (textColumn < 0 || intentColumn < 0) {
                        throw new TrainingDataException(source + " line 1: the header " + columns
                                + " must name a 'text' column and an 'intent' (or 'category'/'label') column");
                    }
                    continue;
                }
                if (fields.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (fields.size() <= Math.max(textColumn, intentColumn)) {
                    throw new TrainingDataException(source + " line " + line + ": expected " + columns.size()
                            + " columns " + columns + " but found " + fields.size());
                }
                String text = fields.get(textColumn).strip().replaceAll("\\s+", " ");
                String intent = fields.get(intentColumn).strip();
                if (text.isEmpty()) {
                    throw new TrainingDataException(source + " line " + line + ": empty text");
                }
                if (intent.isEmpty()) {
                    throw new TrainingDataException(source + " line " + line + ": empty intent for text '" + text + "'");
                }
                examples.add(new TrainingExample(text, intent, Math.toIntExact(line)));
            }
        } catch (UncheckedIOException e) {
            // Commons CSV reports malformed input (an unclosed quote, text after a closing quote) as an I/O error.
            throw new TrainingDataException(source + " line " + recordLine + ": the CSV does not parse (" + e.getCause().getMessage()
                    + "); a quoted field must end with '\"' and a quote inside one is written '\"\"'");
        }
        if (columns == null) {
            throw new TrainingDataException(source + ": the file is empty; expected a header row such as 'text,intent'");
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
        String name = String.valueOf(file.toAbsolutePath().getFileName());
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
        examples.forEach(e -> counts.merge(e.label(), 1, Integer::sum));
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
}
