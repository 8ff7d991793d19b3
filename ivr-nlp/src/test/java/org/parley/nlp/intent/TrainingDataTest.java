package org.parley.nlp.intent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** Reading deployers' training files, and the errors they get when a file is wrong. */
class TrainingDataTest {

    private static TrainingData read(String csv, int min) throws Exception {
        return TrainingData.readCsv("intents.csv", new StringReader(csv), min);
    }

    @Test
    void readsTextAndIntentColumnsInAnyOrderWithQuotes() throws Exception {
        TrainingData data = read("category,text\nbalance,\"what's my balance, please\"\nbalance,\"say \"\"hi\"\"\"\n", 1);

        assertThat(data.examples()).extracting(TrainingExample::text)
                .containsExactly("what's my balance, please", "say \"hi\"");
        assertThat(data.examples()).extracting(TrainingExample::line).containsExactly(2, 3);
        assertThat(data.intentCounts()).containsEntry("balance", 2);
    }

    @Test
    void emptyTextIsReportedWithItsLine() {
        assertThatThrownBy(() -> read("text,intent\nhello,greet\n  ,greet\n", 1))
                .isInstanceOf(TrainingDataException.class)
                .hasMessage("intents.csv line 3: empty text");
    }

    @Test
    void missingColumnIsNamed() {
        assertThatThrownBy(() -> read("utterance,intent\nhello,greet\n", 1))
                .hasMessageContaining("intents.csv line 1")
                .hasMessageContaining("must name a 'text' column");
    }

    @Test
    void tooFewExamplesForAnIntentIsRefused() {
        assertThatThrownBy(() -> read("text,intent\na,x\nb,x\nc,y\n", 2))
                .isInstanceOf(TrainingDataException.class)
                .hasMessageContaining("intent 'y' has 1 example(s); at least 2 are needed");
    }

    @Test
    void unclosedQuoteIsReported() {
        assertThatThrownBy(() -> read("text,intent\n\"hello,greet\n", 1))
                .hasMessageContaining("line 2: the CSV does not parse").hasMessageContaining("a quoted field must end with");
    }

    @Test
    void textAfterAClosingQuoteIsReportedWithItsLine() {
        assertThatThrownBy(() -> read("text,intent\nok,greet\n\"hello\" there,greet\n", 1))
                .isInstanceOf(TrainingDataException.class).hasMessageContaining("line 3: the CSV does not parse");
    }

    @Test
    void aSpreadsheetsByteOrderMarkIsNotPartOfTheHeader() throws Exception {
        TrainingData data = read("\uFEFFtext,intent\r\nhello,greet\r\n", 1);

        assertThat(data.examples()).extracting(TrainingExample::label).containsExactly("greet");
    }

    @Test
    void blankLinesAreSkippedAndLaterLinesKeepTheirNumbers() throws Exception {
        TrainingData data = read("text,intent\n\nhello,greet\n\n\"two\nlines\",greet\nbye,greet\n", 1);

        assertThat(data.examples()).extracting(TrainingExample::line).containsExactly(3, 5, 7);
    }

    @Test
    void shortRowIsReported() {
        assertThatThrownBy(() -> read("text,intent\nhello\n", 1))
                .hasMessageContaining("line 2: expected 2 columns");
    }

    @Test
    void quotedTextMaySpanLinesAndCrLfEndingsAreAccepted() throws Exception {
        TrainingData data = read("text,intent\r\n\"\nmy card\n\n does not work\n\",card_not_working\r\nok,card_not_working\r\n", 1);

        assertThat(data.examples()).extracting(TrainingExample::text).containsExactly("my card does not work", "ok");
        assertThat(data.examples()).extracting(TrainingExample::line).containsExactly(2, 7);
    }

    @Test
    void yamlExamplesAreReadWithTheirLines() throws Exception {
        TrainingData data = TrainingYaml.read("intents.yaml", new java.io.StringReader(
                "lost_stolen_card:\n  - I lost my card\n  - my card was stolen\nbalance:\n  - what's my balance\n"), 1);

        assertThat(data.intentCounts()).containsEntry("lost_stolen_card", 2).containsEntry("balance", 1);
        assertThat(data.examples().get(2).line()).isEqualTo(5);
    }

    @Test
    void yamlIntentWithoutAListIsReportedWithItsLine() {
        assertThatThrownBy(() -> TrainingYaml.read("intents.yaml", new java.io.StringReader(
                "balance:\n  - what's my balance\nlost_card: I lost it\n"), 1))
                .isInstanceOf(TrainingDataException.class)
                .hasMessage("intents.yaml line 3: expected a list of examples under 'lost_card' (lines starting with '- ')");
    }

    @Test
    void yamlEmptyExampleIsReported() {
        assertThatThrownBy(() -> TrainingYaml.read("intents.yaml", new java.io.StringReader("balance:\n  - ok\n  - ''\n"), 1))
                .hasMessage("intents.yaml line 3: empty text");
    }
}
