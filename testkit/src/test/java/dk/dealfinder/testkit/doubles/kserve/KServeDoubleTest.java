package dk.dealfinder.testkit.doubles.kserve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.dealfinder.core.kserve.GRPCInferenceServiceGrpc;
import dk.dealfinder.core.kserve.ModelInferRequest;
import dk.dealfinder.core.kserve.ModelInferResponse;
import dk.dealfinder.core.kserve.ModelReadyRequest;
import dk.dealfinder.core.kserve.ServerReadyRequest;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The double speaks KServe v2 gRPC over a real socket: health, inference, faults. */
class KServeDoubleTest {

    private final KServeDouble triton =
            KServeDouble.start()
                    .model(
                            "doubler",
                            r -> {
                                float[] in = RawTensors.fp32(r.getRawInputContents(0));
                                float[][] out = {new float[in.length]};
                                for (int i = 0; i < in.length; i++) {
                                    out[0][i] = 2 * in[i];
                                }
                                return ModelInferResponse.newBuilder()
                                        .setModelName("doubler")
                                        .addOutputs(
                                                ModelInferResponse.InferOutputTensor.newBuilder()
                                                        .setName("y")
                                                        .setDatatype("FP32")
                                                        .addShape(1)
                                                        .addShape(in.length))
                                        .addRawOutputContents(RawTensors.fp32(out))
                                        .build();
                            });
    private final ManagedChannel channel =
            Grpc.newChannelBuilder(triton.target(), InsecureChannelCredentials.create()).build();
    private final GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub stub =
            GRPCInferenceServiceGrpc.newBlockingStub(channel);

    @AfterEach
    void stop() {
        channel.shutdownNow();
        triton.close();
    }

    private ModelInferRequest request() {
        return ModelInferRequest.newBuilder()
                .setModelName("doubler")
                .addInputs(
                        ModelInferRequest.InferInputTensor.newBuilder()
                                .setName("x")
                                .setDatatype("FP32")
                                .addShape(1)
                                .addShape(3))
                .addRawInputContents(RawTensors.fp32(new float[][] {{1, 2, 3}}))
                .build();
    }

    @Test
    void answersHealthAndInferenceAndRecordsRequests() {
        assertThat(stub.serverReady(ServerReadyRequest.getDefaultInstance()).getReady()).isTrue();
        assertThat(
                        stub.modelReady(ModelReadyRequest.newBuilder().setName("doubler").build())
                                .getReady())
                .isTrue();
        assertThat(
                        stub.modelReady(ModelReadyRequest.newBuilder().setName("missing").build())
                                .getReady())
                .isFalse();

        ModelInferResponse response = stub.modelInfer(request());

        assertThat(RawTensors.fp32(response.getRawOutputContents(0))).containsExactly(2f, 4f, 6f);
        assertThat(triton.requests())
                .singleElement()
                .extracting(ModelInferRequest::getModelName)
                .isEqualTo("doubler");
    }

    @Test
    void injectsFaultsAndUnreadiness() {
        triton.failNext(1, Status.UNAVAILABLE);
        assertThatThrownBy(() -> stub.modelInfer(request()))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e ->
                                assertThat(e.getStatus().getCode())
                                        .isEqualTo(Status.Code.UNAVAILABLE));
        assertThat(stub.modelInfer(request()).getRawOutputContentsCount()).isEqualTo(1);

        triton.setModelReady("doubler", false);
        triton.setServerReady(false);
        assertThat(stub.serverReady(ServerReadyRequest.getDefaultInstance()).getReady()).isFalse();
        assertThat(
                        stub.modelReady(ModelReadyRequest.newBuilder().setName("doubler").build())
                                .getReady())
                .isFalse();
        assertThatThrownBy(() -> stub.modelInfer(request()))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
    }
}
