package dk.dealfinder.alertserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StreamIdTest {

    @Test
    void parsesOrdersAndSteps() {
        StreamId id = StreamId.parse("1718000000000-3");

        assertThat(id).isEqualTo(new StreamId(1_718_000_000_000L, 3));
        assertThat(id.toString()).isEqualTo("1718000000000-3");
        assertThat(id.successor()).isEqualTo(StreamId.parse("1718000000000-4"));
        assertThat(new StreamId(5, Long.MAX_VALUE).successor()).isEqualTo(new StreamId(6, 0));
        assertThat(StreamId.parse("2-0")).isGreaterThan(StreamId.parse("1-99"));
        assertThat(StreamId.parse("1-10")).isGreaterThan(StreamId.parse("1-9"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "abc",
                "1",
                "1-",
                "-1",
                "1-2-3",
                "$",
                "+",
                "1-2 FLUSHALL",
                "99999999999999999999-0"
            })
    void rejectsAnythingButMillisDashSequence(String text) {
        assertThatThrownBy(() -> StreamId.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
