package dk.dealfinder.udfs.inference.triton;

import static dk.dealfinder.udfs.Listings.query;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dk.dealfinder.core.kserve.ModelInferRequest;
import dk.dealfinder.core.kserve.ModelInferResponse;
import dk.dealfinder.core.model.Listing;
import dk.dealfinder.core.model.SavedQuery;
import dk.dealfinder.core.model.Verdict;
import dk.dealfinder.testkit.doubles.kserve.KServeDouble;
import dk.dealfinder.testkit.doubles.kserve.RawTensors;
import dk.dealfinder.udfs.classify.Judgement;
import dk.dealfinder.udfs.match.QueryMatch;
import io.grpc.Status;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * CLIP over KServe v2 gRPC against the protocol double. The double's "encoders" are scripted: a red
 * photo embeds like the query prompt, a blue one like the broken prompt.
 */
class ClipClassifierTest {

    private static final SavedQuery PHONE = query("phone", "iPhone 13", 4000L, List.of());

    private final KServeDouble triton =
            KServeDouble.start()
                    .model("clip_image", ClipClassifierTest::imageEncoder)
                    .model("clip_text", ClipClassifierTest::textEncoder);
    private final HttpServer photos = photoServer();

    @AfterEach
    void stop() {
        triton.close();
        photos.stop(0);
    }

    private ClipClassifier clip(int maxImageBytes) {
        return new ClipClassifier(
                new ClipSettings(
                        triton.target(),
                        "clip_image",
                        "clip_text",
                        Set.of("127.0.0.1"),
                        maxImageBytes,
                        Duration.ofSeconds(5),
                        2,
                        Duration.ofHours(1)),
                Clock.systemUTC());
    }

    private QueryMatch withPhoto(String adId, String url) {
        Listing l =
                new Listing(
                        Listing.keyOf("dba.dk", adId),
                        "dba.dk",
                        adId,
                        "https://www.dba.dk/" + adId,
                        "iPhone 13",
                        "",
                        2000L,
                        "DKK",
                        "",
                        null,
                        List.of(url),
                        1,
                        2,
                        1);
        return new QueryMatch(l, PHONE);
    }

    private String photo(String name) {
        return "http://127.0.0.1:" + photos.getAddress().getPort() + "/" + name;
    }

    @Test
    void judgesPhotosInOneBatchedInferCall() {
        try (ClipClassifier clip = clip(1_000_000)) {
            assertThat(clip.ready()).isTrue();
            List<Optional<Judgement>> out =
                    clip.classifyAll(
                            List.of(
                                    withPhoto("1", photo("red.png")),
                                    withPhoto("2", photo("blue.png"))));

            assertThat(out)
                    .extracting(j -> j.orElseThrow().verdict())
                    .containsExactly(Verdict.RELEVANT, Verdict.BROKEN);
            assertThat(out.get(0).orElseThrow().confidence()).isGreaterThan(0.9);
            List<ModelInferRequest> images =
                    triton.requests().stream()
                            .filter(r -> r.getModelName().equals("clip_image"))
                            .toList();
            assertThat(images).hasSize(1);
            assertThat(images.get(0).getInputs(0).getShapeList())
                    .containsExactly(2L, 3L, 224L, 224L);
            assertThat(images.get(0).getRawInputContents(0).size())
                    .isEqualTo(2 * 3 * 224 * 224 * 4);
        }
    }

    @Test
    void refusesPhotosFromOtherHostsOrOverTheSizeCap() {
        try (ClipClassifier clip = clip(2_000)) {
            List<Optional<Judgement>> out =
                    clip.classifyAll(
                            List.of(
                                    withPhoto("1", "http://169.254.169.254/latest/meta-data"),
                                    withPhoto("2", photo("big.png")),
                                    withPhoto("3", photo("not-an-image.png"))));

            assertThat(out).allSatisfy(j -> assertThat(j).isEmpty());
            assertThat(triton.requests()).isEmpty();
        }
    }

    @Test
    void opensTheCircuitWhenTritonKeepsFailing() {
        triton.failNext(10, Status.UNAVAILABLE);
        try (ClipClassifier clip = clip(1_000_000)) {
            for (int i = 0; i < 4; i++) {
                assertThat(clip.classifyAll(List.of(withPhoto("1", photo("red.png")))))
                        .containsExactly(Optional.empty());
            }
            assertThat(clip.circuitOpen()).isTrue();
            assertThat(triton.requests()).hasSize(2);
        }
    }

    @Test
    void aMalformedAnswerIsAFailureNotAGuess() {
        triton.model(
                "clip_image",
                r -> ModelInferResponse.newBuilder().setModelName("clip_image").build());
        try (ClipClassifier clip = clip(1_000_000)) {
            assertThat(clip.classifyAll(List.of(withPhoto("1", photo("red.png")))))
                    .containsExactly(Optional.empty());
        }
    }

    /** Red-dominant photos embed as axis 0, blue-dominant ones as axis 3. */
    private static ModelInferResponse imageEncoder(ModelInferRequest r) {
        int n = (int) r.getInputs(0).getShape(0);
        float[] pixels = RawTensors.fp32(r.getRawInputContents(0));
        int plane = 224 * 224;
        float[][] rows = new float[n][];
        for (int i = 0; i < n; i++) {
            double red = 0;
            double blue = 0;
            for (int p = 0; p < plane; p++) {
                red += pixels[i * 3 * plane + p];
                blue += pixels[i * 3 * plane + 2 * plane + p];
            }
            rows[i] = axis(red > blue ? 0 : 3);
        }
        return response("clip_image", "image_embeds", rows);
    }

    /** Prompt k of ClipClassifier.promptsFor embeds as axis k. */
    private static ModelInferResponse textEncoder(ModelInferRequest r) {
        ByteBuffer raw =
                r.getRawInputContents(0).asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        List<String> prompts = ClipClassifier.promptsFor("iPhone 13");
        int n = (int) r.getInputs(0).getShape(0);
        float[][] rows = new float[n][];
        for (int i = 0; i < n; i++) {
            byte[] text = new byte[raw.getInt()];
            raw.get(text);
            rows[i] = axis(prompts.indexOf(new String(text, StandardCharsets.UTF_8)));
        }
        return response("clip_text", "text_embeds", rows);
    }

    private static float[] axis(int k) {
        float[] v = new float[8];
        v[k] = 1;
        return v;
    }

    private static ModelInferResponse response(String model, String output, float[][] rows) {
        return ModelInferResponse.newBuilder()
                .setModelName(model)
                .addOutputs(
                        ModelInferResponse.InferOutputTensor.newBuilder()
                                .setName(output)
                                .setDatatype("FP32")
                                .addShape(rows.length)
                                .addShape(rows[0].length))
                .addRawOutputContents(RawTensors.fp32(rows))
                .build();
    }

    private static HttpServer photoServer() {
        try {
            HttpServer server =
                    HttpServer.create(
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            byte[] red = png(Color.RED, 300, 200);
            byte[] blue = png(Color.BLUE, 200, 300);
            byte[] big = png(Color.GREEN, 2000, 2000);
            server.createContext(
                    "/",
                    exchange -> {
                        String path = exchange.getRequestURI().getPath();
                        byte[] body =
                                switch (path) {
                                    case "/red.png" -> red;
                                    case "/blue.png" -> blue;
                                    case "/big.png" -> big;
                                    default -> "<html>nope</html>".getBytes(StandardCharsets.UTF_8);
                                };
                        exchange.sendResponseHeaders(200, body.length);
                        exchange.getResponseBody().write(body);
                        exchange.close();
                    });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] png(Color color, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        // grey noise keeps the big image big after PNG compression, and no colour dominant
        var random = new java.util.Random(42);
        for (int i = 0; i < width * height / 4; i++) {
            image.setRGB(
                    random.nextInt(width),
                    random.nextInt(height),
                    random.nextBoolean() ? 0x808080 : 0x202020);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
