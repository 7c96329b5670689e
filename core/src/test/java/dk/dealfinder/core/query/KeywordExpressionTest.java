package dk.dealfinder.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeywordExpressionTest {

    @ParameterizedTest(name = "[{index}] {0} on \"{1}\" -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "iphone AND (pro OR max) AND NOT cracked | iPhone 13 Pro, 128 GB | true",
                "iphone AND (pro OR max) AND NOT cracked | iPhone 13 Max, cracked glass | false",
                "iphone AND (pro OR max) AND NOT cracked | iPhone 13 mini | false",
                "iphone pro | Sælger iPhone 12 Pro | true",
                "pro | Produkt til iPhone | false",
                "\"revnet skærm\" | iPhone med revnet skærm | true",
                "\"revnet skærm\" | skærm er revnet | false",
                "NOT defekt | Fin cykel | true",
                "NOT NOT defekt | defekt cykel | true",
                "a OR b AND c | a | true",
                "a OR b AND c | b | false",
                "cykel or bil | en cykel eller bil | false",
                "Ærø | Cykel fra ÆRØ | true",
            })
    void matchesWholeWordsWithBooleanLogic(String expression, String text, boolean expected) {
        assertThat(KeywordExpression.parse(expression).matches(text)).isEqualTo(expected);
    }

    @Test
    void blankMatchesEverything() {
        assertThat(KeywordExpression.parse("  ").isEmpty()).isTrue();
        assertThat(KeywordExpression.parse(null).matches("anything")).isTrue();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "iphone AND | ends where a word",
                "(iphone OR ipad | the '(' at position 1 is never closed",
                "iphone) | unexpected CLOSE at position 7",
                "\"revnet skærm | the quote at position 1 is never closed",
                "OR iphone | expected a word",
                "\"!!!\" | has no letters or digits",
            })
    void invalidExpressionsSayWhereAndWhy(String expression, String message) {
        assertThatThrownBy(() -> KeywordExpression.parse(expression))
                .isInstanceOf(KeywordExpression.InvalidExpressionException.class)
                .hasMessageContaining(message);
    }

    @Test
    void refusesHugeOrDeeplyNestedExpressions() {
        assertThatThrownBy(() -> KeywordExpression.parse("a ".repeat(300)))
                .hasMessageContaining("at most 500");
        assertThatThrownBy(() -> KeywordExpression.parse("(".repeat(30) + "a" + ")".repeat(30)))
                .hasMessageContaining("deeper than 20");
    }
}
