package dk.dealfinder.alertserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SseFramesTest {

    @Test
    void compactDataIsOneDataLine() {
        assertThat(SseFrames.event("alert", "1-0", "{\"a\":1}"))
                .isEqualTo("id: 1-0\nevent: alert\ndata: {\"a\":1}\n\n");
    }

    @Test
    void everyKindOfLineBreakStartsANewDataLine() {
        assertThat(SseFrames.event("error", null, "a\nb\r\nc\rd"))
                .isEqualTo("event: error\ndata: a\ndata: b\ndata: c\ndata: d\n\n");
    }

    @Test
    void anAlertsFrameIsBuiltOnceAndShared() {
        AlertEvent event = new AlertEvent(new StreamId(7, 1), "{\"title\":\"Æble\"}", "q");

        byte[] frame = event.frame();

        assertThat(event.frame()).isSameAs(frame);
        assertThat(new String(frame, StandardCharsets.UTF_8))
                .isEqualTo("id: 7-1\nevent: alert\ndata: {\"title\":\"Æble\"}\n\n");
    }
}
