package org.parley.rules.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CSV as spreadsheets export it, and the errors a broken file gets. */
class CsvTest {

    @Test
    void quotedCellsWithCommasQuotesAndLineBreaksKeepTheLineEachRowStartsOn() throws Exception {
        List<Csv.Row> rows = Csv.rows(new StringReader("name,note\r\nfirst,\"a, b\"\r\nsecond,\"say \"\"hi\"\"\nand more\"\r\nthird,\r\n"));

        assertThat(rows).extracting(Csv.Row::cells).containsExactly(List.of("name", "note"), List.of("first", "a, b"),
                List.of("second", "say \"hi\"\nand more"), List.of("third", ""));
        assertThat(rows).extracting(Csv.Row::line).containsExactly(1, 2, 3, 5);
    }

    @Test
    void aByteOrderMarkIsIgnoredAndAnEmptyLineIsOneEmptyCell() throws Exception {
        assertThat(Csv.read(new StringReader("\uFEFFcustomerId,phone\n\nc1,+15550100\n")))
                .containsExactly(List.of("customerId", "phone"), List.of(""), List.of("c1", "+15550100"));
    }

    @Test
    void anUnclosedQuoteNamesTheLineItStartsOn() {
        assertThatThrownBy(() -> Csv.read(new StringReader("a,b\n1,2\n3,\"open\n\nstill open\n")))
                .isInstanceOf(Csv.CsvException.class)
                .hasMessageStartingWith("line 3: the CSV does not parse")
                .hasMessageContaining("a quoted cell must end with \"");
    }

    @Test
    void anEmptyFileHasNoRows() throws Exception {
        assertThat(Csv.read(new StringReader(""))).isEmpty();
    }

    @Test
    void aFileOverTheLimitIsRefusedAsAWhole() {
        java.io.Reader endless = new java.io.Reader() {
            @Override
            public int read(char[] buffer, int offset, int length) {
                java.util.Arrays.fill(buffer, offset, offset + length, 'x');
                return length;
            }

            @Override
            public void close() {
            }
        };

        assertThatThrownBy(() -> Csv.read(endless)).isInstanceOf(Csv.CsvException.class)
                .hasMessage("the file is longer than " + Csv.MAX_CHARS + " characters; split it into smaller files");
    }
}
