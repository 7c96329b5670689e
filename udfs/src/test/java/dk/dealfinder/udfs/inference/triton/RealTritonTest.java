package dk.dealfinder.udfs.inference.triton;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Opt-in: a real Triton with docker/triton's models ({@code TRITON_URL=host:8001}). Checks health
 * and that the prompts of two different queries embed to different, normalized vectors.
 */
@EnabledIfEnvironmentVariable(named = "TRITON_URL", matches = ".+")
class RealTritonTest {

    @Test
    void realTritonServesBothClipEncoders() {
        var settings =
                new ClipSettings(
                        System.getenv("TRITON_URL"),
                        "clip_image",
                        "clip_text",
                        Set.of("localhost"),
                        5_000_000,
                        Duration.ofSeconds(30),
                        3,
                        Duration.ofMinutes(1));
        try (var client = new TritonClipClient(settings);
                var clip = new ClipClassifier(settings, Clock.systemUTC())) {
            assertThat(clip.ready()).isTrue();
            List<float[]> prompts = client.embedTexts(ClipClassifier.promptsFor("racercykel"));
            assertThat(prompts).hasSize(5);
            float[] first = prompts.get(0);
            double norm = 0;
            for (float x : first) {
                norm += x * x;
            }
            assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
            assertThat(client.embedImages(List.of(new float[3 * 224 * 224]))).hasSize(1);
        }
    }
}
