package dk.dealfinder.udfs.inference.triton;

import com.google.protobuf.ByteString;
import dk.dealfinder.core.kserve.GRPCInferenceServiceGrpc;
import dk.dealfinder.core.kserve.ModelInferRequest;
import dk.dealfinder.core.kserve.ModelInferResponse;
import dk.dealfinder.core.kserve.ModelReadyRequest;
import dk.dealfinder.core.kserve.ServerReadyRequest;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A KServe v2 / Open Inference Protocol gRPC client for CLIP's two encoders on Triton. Tensors
 * travel as {@code raw_input_contents} / {@code raw_output_contents} (little-endian, row-major;
 * BYTES elements each prefixed with their 4-byte length), which is what Triton is fastest with.
 */
final class TritonClipClient implements AutoCloseable {

    private final ManagedChannel channel;
    private final GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub stub;
    private final ClipSettings settings;

    TritonClipClient(ClipSettings settings) {
        this.settings = settings;
        this.channel =
                Grpc.newChannelBuilder(settings.target(), InsecureChannelCredentials.create())
                        .build();
        this.stub = GRPCInferenceServiceGrpc.newBlockingStub(channel);
    }

    /** Whether the server and both models accept requests. */
    boolean ready() {
        var s = deadline();
        return s.serverReady(ServerReadyRequest.getDefaultInstance()).getReady()
                && s.modelReady(
                                ModelReadyRequest.newBuilder()
                                        .setName(settings.imageModel())
                                        .build())
                        .getReady()
                && s.modelReady(
                                ModelReadyRequest.newBuilder()
                                        .setName(settings.textModel())
                                        .build())
                        .getReady();
    }

    /** One embedding per image tensor ([3,224,224] each), in one call. */
    List<float[]> embedImages(List<float[]> pixels) {
        int n = pixels.size();
        ByteBuffer buf =
                ByteBuffer.allocate(n * 3 * ImageFetcher.SIZE * ImageFetcher.SIZE * 4)
                        .order(ByteOrder.LITTLE_ENDIAN);
        for (float[] p : pixels) {
            for (float x : p) {
                buf.putFloat(x);
            }
        }
        ModelInferRequest request =
                ModelInferRequest.newBuilder()
                        .setModelName(settings.imageModel())
                        .addInputs(
                                ModelInferRequest.InferInputTensor.newBuilder()
                                        .setName("pixel_values")
                                        .setDatatype("FP32")
                                        .addShape(n)
                                        .addShape(3)
                                        .addShape(ImageFetcher.SIZE)
                                        .addShape(ImageFetcher.SIZE))
                        .addOutputs(
                                ModelInferRequest.InferRequestedOutputTensor.newBuilder()
                                        .setName("image_embeds"))
                        .addRawInputContents(ByteString.copyFrom(buf.array()))
                        .build();
        return rows(deadline().modelInfer(request), "image_embeds", n);
    }

    /** One embedding per text, in one call. */
    List<float[]> embedTexts(List<String> texts) {
        ByteString.Output raw = ByteString.newOutput();
        for (String t : texts) {
            byte[] bytes = t.getBytes(StandardCharsets.UTF_8);
            raw.write(
                    ByteBuffer.allocate(4)
                            .order(ByteOrder.LITTLE_ENDIAN)
                            .putInt(bytes.length)
                            .array(),
                    0,
                    4);
            raw.write(bytes, 0, bytes.length);
        }
        ModelInferRequest request =
                ModelInferRequest.newBuilder()
                        .setModelName(settings.textModel())
                        .addInputs(
                                ModelInferRequest.InferInputTensor.newBuilder()
                                        .setName("text")
                                        .setDatatype("BYTES")
                                        .addShape(texts.size())
                                        .addShape(1))
                        .addOutputs(
                                ModelInferRequest.InferRequestedOutputTensor.newBuilder()
                                        .setName("text_embeds"))
                        .addRawInputContents(raw.toByteString())
                        .build();
        return rows(deadline().modelInfer(request), "text_embeds", texts.size());
    }

    private GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub deadline() {
        return stub.withDeadlineAfter(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The named FP32 [n,D] output as n rows; a malformed answer is an error, never a guess. */
    private static List<float[]> rows(ModelInferResponse response, String name, int n) {
        for (int o = 0; o < response.getOutputsCount(); o++) {
            var out = response.getOutputs(o);
            if (!out.getName().equals(name)) {
                continue;
            }
            if (!out.getDatatype().equals("FP32")
                    || out.getShapeCount() != 2
                    || out.getShape(0) != n
                    || o >= response.getRawOutputContentsCount()) {
                throw new IllegalStateException(
                        "unexpected " + name + " tensor " + out.getDatatype() + out.getShapeList());
            }
            int d = (int) out.getShape(1);
            ByteBuffer buf =
                    response.getRawOutputContents(o)
                            .asReadOnlyByteBuffer()
                            .order(ByteOrder.LITTLE_ENDIAN);
            if (buf.remaining() != n * d * 4) {
                throw new IllegalStateException(
                        name + " has " + buf.remaining() + " bytes, expected " + n * d * 4);
            }
            List<float[]> rows = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                float[] row = new float[d];
                for (int j = 0; j < d; j++) {
                    row[j] = buf.getFloat();
                }
                rows.add(normalized(row));
            }
            return rows;
        }
        throw new IllegalStateException("no " + name + " output");
    }

    private static float[] normalized(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float scale = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0;
        for (int i = 0; i < v.length; i++) {
            v[i] *= scale;
        }
        return v;
    }

    @Override
    public void close() {
        channel.shutdownNow();
        try {
            channel.awaitTermination(Duration.ofSeconds(5).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
