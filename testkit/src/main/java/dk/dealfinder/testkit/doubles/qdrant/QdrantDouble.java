package dk.dealfinder.testkit.doubles.qdrant;

import com.sun.net.httpserver.HttpServer;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A protocol double of Qdrant's gRPC API on 127.0.0.1, built on the official client jar's generated
 * service bases, so the real {@link QdrantClient} talks to it unchanged. It keeps Qdrant's
 * semantics for what dealfinder uses: collections with one dense vector, upsert that overwrites by
 * id (UUID or integer), exact nearest search through the query and search APIs (by vector or by
 * point id) with keyword (also on arrays), range, datetime, geo, {@code has_id} and {@code
 * is_empty} filters, delete, set payload (NOT_FOUND for a missing point id, as Qdrant), update
 * batches applied in order, payload indexes, the {@code wait} flag and a 32 MiB request limit.
 * Tests can queue errors per method, add latency, and read back every request it received. Its REST
 * side answers the query endpoint only, from the same data. It is not Qdrant: no HNSW, no
 * persistence, no cluster; anything it does not model is refused with {@code UNIMPLEMENTED} rather
 * than guessed.
 */
public final class QdrantDouble implements AutoCloseable {

    /** Qdrant's default request size limit ({@code service.max_request_size_mb: 32}). */
    public static final int MAX_REQUEST_BYTES = 32 * 1024 * 1024;

    public static final String HOST = "127.0.0.1";

    private static final Logger LOG = LoggerFactory.getLogger(QdrantDouble.class);

    /** The method name REST queries are recorded and failed under. */
    public static final String REST_QUERY = RestQueryEndpoint.METHOD;

    private final Server server;
    private final HttpServer restServer;
    private final DoubleStorage storage;
    private final RecordingInterceptor interceptor;

    private QdrantDouble(
            Server server,
            HttpServer restServer,
            DoubleStorage storage,
            RecordingInterceptor interceptor) {
        this.server = server;
        this.restServer = restServer;
        this.storage = storage;
        this.interceptor = interceptor;
    }

    /** Starts on a free port of the loopback interface. */
    public static QdrantDouble start() {
        DoubleStorage storage = new DoubleStorage();
        RecordingInterceptor interceptor = new RecordingInterceptor();
        Server server =
                NettyServerBuilder.forAddress(
                                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                        .maxInboundMessageSize(MAX_REQUEST_BYTES)
                        .addService(
                                ServerInterceptors.intercept(
                                        new DoublePointsService(storage), interceptor))
                        .addService(
                                ServerInterceptors.intercept(
                                        new DoubleCollectionsService(storage), interceptor))
                        .addService(
                                ServerInterceptors.intercept(
                                        new DoubleHealthService(), interceptor))
                        .build();
        HttpServer restServer;
        try {
            server.start();
            restServer =
                    HttpServer.create(
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            server.shutdownNow();
            storage.close();
            throw new UncheckedIOException("cannot start the Qdrant double", e);
        }
        restServer.createContext("/", new RestQueryEndpoint(storage, interceptor));
        restServer.setExecutor(Executors.newCachedThreadPool(QdrantDouble::restThread));
        restServer.start();
        LOG.info(
                "Qdrant double listening on {}:{} (gRPC) and {} (REST query API)",
                HOST,
                server.getPort(),
                restUrl(restServer));
        return new QdrantDouble(server, restServer, storage, interceptor);
    }

    private static Thread restThread(Runnable runnable) {
        Thread thread = new Thread(runnable, "qdrant-double-rest");
        thread.setDaemon(true);
        return thread;
    }

    private static URI restUrl(HttpServer restServer) {
        return URI.create("http://" + HOST + ":" + restServer.getAddress().getPort());
    }

    /** The gRPC port (Qdrant's 6334). */
    public int port() {
        return server.getPort();
    }

    /**
     * Where the REST API (Qdrant's 6333) answers; only the query endpoint, {@code POST
     * /collections/{name}/points/query}, is modelled.
     */
    public URI restUrl() {
        return restUrl(restServer);
    }

    /** A real Qdrant client connected to this double; the caller closes it. */
    public QdrantClient newClient() {
        return new QdrantClient(QdrantGrpcClient.newBuilder(HOST, port(), false).build());
    }

    /**
     * Answers the next {@code times} calls of {@code method} (e.g. {@code
     * PointsGrpc.getUpsertMethod()}) with {@code code} instead of handling them.
     */
    public void failNext(MethodDescriptor<?, ?> method, Status.Code code, int times) {
        interceptor.faults().failNext(method.getFullMethodName(), code, times);
    }

    /**
     * Answers the next {@code times} REST queries with the HTTP status Qdrant maps {@code code} to.
     */
    public void failNextRestQueries(Status.Code code, int times) {
        interceptor.faults().failNext(REST_QUERY, code, times);
    }

    /** Delays every answer by {@code latency}, as a network hop and a busy server would. */
    public void setLatency(Duration latency) {
        interceptor.setLatency(latency, latency);
    }

    /**
     * Delays each call by a random time between {@code min} and {@code max} before handling it, so
     * concurrent requests reach the storage, and are applied, in another order than they were sent,
     * as over a real network.
     */
    public void setLatency(Duration min, Duration max) {
        interceptor.setLatency(min, max);
    }

    /** Every request answered so far, in the order the answers were sent. */
    public List<RecordedRequest> requests() {
        return interceptor.log();
    }

    public List<RecordedRequest> requests(MethodDescriptor<?, ?> method) {
        return requests(method.getFullMethodName());
    }

    /** Requests by method name, e.g. {@link #REST_QUERY}. */
    public List<RecordedRequest> requests(String method) {
        return requests().stream().filter(r -> r.method().equals(method)).toList();
    }

    /** Forgets recorded requests and queued errors, keeping the data. */
    public void resetRequests() {
        interceptor.clearLog();
        interceptor.faults().clear();
    }

    /** Creates a collection directly, as a test's starting point (the client's call works too). */
    public void createCollection(String collection, int vectorSize, Distance distance) {
        storage.create(collection, vectorSize, distance);
    }

    public boolean hasCollection(String collection) {
        return storage.exists(collection);
    }

    /** The points of {@code collection} in id order, as they are now. */
    public List<StoredPoint> points(String collection) {
        return storage.collection(collection).points();
    }

    public Map<String, PayloadSchemaType> payloadIndexes(String collection) {
        return storage.collection(collection).payloadIndexes();
    }

    @Override
    public void close() {
        restServer.stop(0);
        ((ExecutorService) restServer.getExecutor()).shutdownNow();
        server.shutdownNow();
        try {
            server.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            storage.close();
        }
    }
}
