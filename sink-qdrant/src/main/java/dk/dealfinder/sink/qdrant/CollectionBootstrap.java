package dk.dealfinder.sink.qdrant;

import io.grpc.Status;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Collections.CollectionInfo;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Collections.VectorsConfig;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the sink's collection exists with the embedding model's vector size before the first
 * write: creates it with its payload indexes when missing, and refuses to start when an existing
 * collection was made for a different model, since every write would then be rejected. Safe to run
 * from every subtask at once: creation races and repeated index creation are harmless.
 */
final class CollectionBootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(CollectionBootstrap.class);

    private final QdrantClient client;
    private final CollectionSpec spec;
    private final Duration timeout;

    CollectionBootstrap(QdrantClient client, CollectionSpec spec, Duration timeout) {
        this.client = client;
        this.spec = spec;
        this.timeout = timeout;
    }

    void ensureCollection() {
        if (!await(client.collectionExistsAsync(spec.name()), "check collection")) {
            create();
        }
        CollectionInfo info = await(client.getCollectionInfoAsync(spec.name()), "read collection");
        checkVectorSize(info);
        for (Map.Entry<String, PayloadSchemaType> index : spec.payloadIndexes().entrySet()) {
            if (!info.containsPayloadSchema(index.getKey())) {
                await(
                        client.createPayloadIndexAsync(
                                spec.name(),
                                index.getKey(),
                                index.getValue(),
                                null,
                                true,
                                null,
                                null),
                        "create payload index " + index.getKey());
            }
        }
    }

    private void create() {
        VectorParams params =
                VectorParams.newBuilder()
                        .setSize(spec.vectorSize())
                        .setDistance(spec.distance())
                        .build();
        try {
            await(client.createCollectionAsync(spec.name(), params), "create collection");
            LOG.info(
                    "created Qdrant collection {} ({} dimensions, {})",
                    spec.name(),
                    spec.vectorSize(),
                    spec.distance());
        } catch (QdrantSinkException e) {
            // Another subtask may have created it a moment ago; the size check below decides.
            if (Status.fromThrowable(e).getCode() != Status.Code.INVALID_ARGUMENT
                    && Status.fromThrowable(e).getCode() != Status.Code.ALREADY_EXISTS) {
                throw e;
            }
            LOG.info("Qdrant collection {} was created concurrently", spec.name());
        }
    }

    private void checkVectorSize(CollectionInfo info) {
        VectorsConfig vectors = info.getConfig().getParams().getVectorsConfig();
        if (!vectors.hasParams()) {
            throw new QdrantSinkException(
                    "Qdrant collection "
                            + spec.name()
                            + " uses named vectors; the sink writes one unnamed vector of size "
                            + spec.vectorSize());
        }
        long existing = vectors.getParams().getSize();
        if (existing != spec.vectorSize()) {
            throw new QdrantSinkException(
                    "Qdrant collection "
                            + spec.name()
                            + " has vector size "
                            + existing
                            + " but the embedding model produces vectors of size "
                            + spec.vectorSize()
                            + "; use another collection or recreate this one");
        }
        if (vectors.getParams().getDistance() != spec.distance()) {
            // Rankings still work for normalized vectors under cosine or dot; scores differ.
            LOG.warn(
                    "Qdrant collection {} uses {} distance, the embedding model expects {}",
                    spec.name(),
                    vectors.getParams().getDistance(),
                    spec.distance());
        }
    }

    private <T> T await(Future<T> call, String what) {
        try {
            return call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new QdrantSinkException(
                    "cannot "
                            + what
                            + " in Qdrant ("
                            + spec.name()
                            + "): "
                            + QdrantFailures.describe(e.getCause()),
                    e.getCause());
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new QdrantSinkException(
                    "Qdrant did not answer '" + what + "' within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QdrantSinkException("interrupted while trying to " + what, e);
        }
    }
}
