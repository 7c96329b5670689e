package dk.dealfinder.sink.qdrant;

/** A Qdrant failure the sink cannot recover from by retrying; it fails the job with the reason. */
public final class QdrantSinkException extends RuntimeException {

    public QdrantSinkException(String message) {
        super(message);
    }

    public QdrantSinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
