package dk.dealfinder.testkit.doubles.kserve;

import dk.dealfinder.core.kserve.GRPCInferenceServiceGrpc;
import dk.dealfinder.core.kserve.ModelInferRequest;
import dk.dealfinder.core.kserve.ModelInferResponse;
import dk.dealfinder.core.kserve.ModelReadyRequest;
import dk.dealfinder.core.kserve.ModelReadyResponse;
import dk.dealfinder.core.kserve.ServerReadyRequest;
import dk.dealfinder.core.kserve.ServerReadyResponse;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A protocol double of a KServe v2 / Open Inference Protocol gRPC server (what Triton speaks), on a
 * free local port, for tests that cannot run Triton. It is not a model server: each model is a
 * function from request to response supplied by the test. It answers {@code ServerReady} and {@code
 * ModelReady}, records every {@code ModelInfer} request, and can add latency, mark the server or a
 * model not ready, and fail the next calls with a gRPC status.
 */
public final class KServeDouble implements AutoCloseable {

    private final Server server;
    private final Map<String, Function<ModelInferRequest, ModelInferResponse>> models =
            new ConcurrentHashMap<>();
    private final Set<String> unready = ConcurrentHashMap.newKeySet();
    private final List<ModelInferRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger failures = new AtomicInteger();
    private volatile Status failure = Status.UNAVAILABLE;
    private volatile boolean serverReady = true;
    private volatile Duration latency = Duration.ZERO;

    private KServeDouble() throws IOException {
        server =
                Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create())
                        .addService(new Service())
                        .build()
                        .start();
    }

    public static KServeDouble start() {
        try {
            return new KServeDouble();
        } catch (IOException e) {
            throw new UncheckedIOException("KServe double did not start", e);
        }
    }

    /** {@code host:port} for a gRPC channel. */
    public String target() {
        return "127.0.0.1:" + server.getPort();
    }

    /** Serves {@code name} with {@code model}. */
    public KServeDouble model(String name, Function<ModelInferRequest, ModelInferResponse> model) {
        models.put(name, model);
        return this;
    }

    public void setServerReady(boolean ready) {
        serverReady = ready;
    }

    public void setModelReady(String name, boolean ready) {
        if (ready) {
            unready.remove(name);
        } else {
            unready.add(name);
        }
    }

    public void setLatency(Duration delay) {
        latency = delay;
    }

    /** The next {@code count} inference calls fail with {@code status}. */
    public void failNext(int count, Status status) {
        failure = status;
        failures.set(count);
    }

    /** Every {@code ModelInfer} request received, in order. */
    public List<ModelInferRequest> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.shutdownNow();
    }

    private final class Service extends GRPCInferenceServiceGrpc.GRPCInferenceServiceImplBase {

        @Override
        public void serverReady(
                ServerReadyRequest request, StreamObserver<ServerReadyResponse> out) {
            out.onNext(ServerReadyResponse.newBuilder().setReady(serverReady).build());
            out.onCompleted();
        }

        @Override
        public void modelReady(ModelReadyRequest request, StreamObserver<ModelReadyResponse> out) {
            boolean ready =
                    models.containsKey(request.getName()) && !unready.contains(request.getName());
            out.onNext(ModelReadyResponse.newBuilder().setReady(ready).build());
            out.onCompleted();
        }

        @Override
        public void modelInfer(ModelInferRequest request, StreamObserver<ModelInferResponse> out) {
            requests.add(request);
            pause();
            if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                out.onError(failure.withDescription("injected fault").asRuntimeException());
                return;
            }
            var model = models.get(request.getModelName());
            if (model == null || unready.contains(request.getModelName())) {
                out.onError(
                        Status.NOT_FOUND
                                .withDescription("model not ready: " + request.getModelName())
                                .asRuntimeException());
                return;
            }
            try {
                out.onNext(model.apply(request));
                out.onCompleted();
            } catch (RuntimeException e) {
                out.onError(
                        Status.INVALID_ARGUMENT
                                .withDescription(e.getMessage())
                                .asRuntimeException());
            }
        }

        private void pause() {
            if (!latency.isZero()) {
                try {
                    Thread.sleep(latency.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
