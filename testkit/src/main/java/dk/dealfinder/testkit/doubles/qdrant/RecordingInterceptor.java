package dk.dealfinder.testkit.doubles.qdrant;

import com.google.protobuf.Message;
import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Records every request the double answers, adds the configured latency and answers with an
 * injected error instead of the real handler when one is queued for the method.
 */
final class RecordingInterceptor implements ServerInterceptor {

    private final FaultPlan faults = new FaultPlan();
    private final List<RecordedRequest> log = new ArrayList<>();
    private final AtomicLong sequence = new AtomicLong();
    private volatile long minLatencyNanos;
    private volatile long maxLatencyNanos;

    FaultPlan faults() {
        return faults;
    }

    void setLatency(Duration min, Duration max) {
        maxLatencyNanos = max.toNanos();
        minLatencyNanos = min.toNanos();
    }

    List<RecordedRequest> log() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    void clearLog() {
        synchronized (log) {
            log.clear();
        }
    }

    @Override
    public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(
            ServerCall<ReqT, RespT> call, Metadata headers, ServerCallHandler<ReqT, RespT> next) {
        String method = call.getMethodDescriptor().getFullMethodName();
        long number = sequence.getAndIncrement();
        AtomicReference<Message> received = new AtomicReference<>();
        ServerCall<ReqT, RespT> recording =
                new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
                    @Override
                    public void close(Status status, Metadata trailers) {
                        record(number, method, received.get(), status.getCode());
                        super.close(status, trailers);
                    }
                };
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(
                next.startCall(recording, headers)) {
            @Override
            public void onMessage(ReqT message) {
                received.set((Message) message);
                super.onMessage(message);
            }

            @Override
            public void onHalfClose() {
                pause();
                Optional<Status.Code> fault = faults.take(method);
                if (fault.isPresent()) {
                    recording.close(
                            Status.fromCode(fault.get())
                                    .withDescription("injected by the Qdrant double"),
                            new Metadata());
                } else {
                    super.onHalfClose();
                }
            }
        };
    }

    /** Waits the configured latency, on the thread answering the call. */
    void pause() {
        long min = minLatencyNanos;
        long max = Math.max(min, maxLatencyNanos);
        long latency = min == max ? min : ThreadLocalRandom.current().nextLong(min, max + 1);
        if (latency > 0) {
            LockSupport.parkNanos(latency);
        }
    }

    /** Records a request answered outside gRPC (the REST endpoint). */
    void record(String method, Message request, Status.Code outcome) {
        record(sequence.getAndIncrement(), method, request, outcome);
    }

    private void record(long number, String method, Message request, Status.Code outcome) {
        int size = request == null ? 0 : request.getSerializedSize();
        synchronized (log) {
            log.add(new RecordedRequest(number, method, request, size, outcome));
        }
    }
}
