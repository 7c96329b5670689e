package dk.dealfinder.sink.qdrant;

import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.util.Preconditions;

/**
 * Where Qdrant's gRPC API is and how to call it. The API key is read from an environment variable
 * on the task manager when the client opens, so it never travels in the job graph or a log.
 *
 * @param host gRPC host
 * @param port gRPC port, 6334 by default in Qdrant
 * @param useTls whether to speak TLS
 * @param apiKeyEnvVar environment variable holding the API key; unset or empty means no key
 * @param callTimeout deadline of one call
 */
public record QdrantConnection(
        String host, int port, boolean useTls, String apiKeyEnvVar, Duration callTimeout)
        implements Serializable {

    public static final int DEFAULT_PORT = 6334;
    public static final String DEFAULT_API_KEY_ENV = "QDRANT_API_KEY";

    public QdrantConnection {
        Preconditions.checkArgument(host != null && !host.isBlank(), "Qdrant host must be set");
        Preconditions.checkArgument(port > 0 && port < 65536, "Qdrant port out of range: %s", port);
        Preconditions.checkArgument(
                callTimeout != null && !callTimeout.isNegative() && !callTimeout.isZero(),
                "Qdrant call timeout must be positive");
    }

    public QdrantClient open() {
        QdrantGrpcClient.Builder grpc =
                QdrantGrpcClient.newBuilder(host, port, useTls).withTimeout(callTimeout);
        String apiKey = apiKeyEnvVar == null ? null : System.getenv(apiKeyEnvVar);
        if (apiKey != null && !apiKey.isEmpty()) {
            grpc.withApiKey(apiKey);
        }
        return new QdrantClient(grpc.build());
    }

    @Override
    public String toString() {
        return (useTls ? "https://" : "http://") + host + ":" + port;
    }
}
