package org.parley.nlp.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Entities from digits and from words as a recogniser writes them. Today is Tuesday 2026-11-24. */
class EntityExtractorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    private final EntityExtractor extractor = new EntityExtractor();

    private List<String> found(String text) {
        return extractor.extract(text, TODAY).stream().map(e -> e.type() + "=" + e.value()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "my account number is four five six seven eight nine | ACCOUNT_NUMBER=456789",
            "account 12345678 please | ACCOUNT_NUMBER=12345678",
            "the card number is 4111 1111 1111 1111 | CARD_NUMBER=4111111111111111",
            "my card ending in one two three four | CARD_LAST4=1234",
            "the last four digits are 9876 | CARD_LAST4=9876",
            "call me on 07700 900123 | PHONE_NUMBER=07700900123",
            "my mobile is five five five one two three four | PHONE_NUMBER=5551234",
            "I was charged $250 | AMOUNT=250.00 USD",
            "two hundred and fifty dollars | AMOUNT=250.00 USD",
            "they took 30 pounds and 50 pence | AMOUNT=30.50 GBP",
            "a payment of €1,200.50 | AMOUNT=1200.50 EUR",
            "it happened yesterday | DATE=2026-11-23",
            "can you call me tomorrow | DATE=2026-11-25",
            "next friday | DATE=2026-11-27",
            "last monday | DATE=2026-11-23",
            "on the fifth | DATE=2026-12-05",
            "on the 30th | DATE=2026-11-30",
            "the 3rd of march | DATE=2026-03-03",
            "march 3rd | DATE=2026-03-03",
            "three days ago | DATE=2026-11-21",
            "in 10 days | DATE=2026-12-04",
            "yes please | YES_NO=yes",
            "yeah that's it | YES_NO=yes",
            "no thanks | YES_NO=no",
            "not really | YES_NO=no",
            "the second one | ORDINAL=2",
            "third option please | ORDINAL=3",
    })
    void findsTheEntity(String text, String expected) {
        assertThat(found(text)).containsExactly(expected);
    }

    @org.junit.jupiter.api.Test
    void writtenDigitsFollowedBySpokenNumbersStayApart() {
        assertThat(found("you charged my card ending 4321 two hundred dollars yesterday"))
                .containsExactly("CARD_LAST4=4321", "AMOUNT=200.00 USD", "DATE=2026-11-23");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "I lost my card",
            "the one I have is broken",
            "no I mean yes I think I need help with my account and my card",
            "4111 1111 1111 1112 is wrong",
            "this is the third time I'm calling",
    })
    void findsNothingWhereThereIsNothing(String text) {
        assertThat(found(text)).noneMatch(f -> f.startsWith("CARD_NUMBER") || f.startsWith("YES_NO") || f.startsWith("ORDINAL"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"4111111111111111|true", "4111111111111112|false", "79927398713|true"})
    void luhnChecksum(String digits, boolean valid) {
        assertThat(EntityExtractor.luhn(digits)).isEqualTo(valid);
    }
}
