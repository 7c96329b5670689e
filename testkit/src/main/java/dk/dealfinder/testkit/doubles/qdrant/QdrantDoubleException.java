package dk.dealfinder.testkit.doubles.qdrant;

import io.grpc.Status;

/** A request the Qdrant double rejects, with the gRPC status real Qdrant answers it with. */
final class QdrantDoubleException extends RuntimeException {

    private final Status.Code code;

    QdrantDoubleException(Status.Code code, String message) {
        super(message);
        this.code = code;
    }

    static QdrantDoubleException invalid(String message) {
        return new QdrantDoubleException(Status.Code.INVALID_ARGUMENT, "Wrong input: " + message);
    }

    static QdrantDoubleException collectionNotFound(String collection) {
        return new QdrantDoubleException(
                Status.Code.NOT_FOUND, "Not found: Collection `" + collection + "` doesn't exist!");
    }

    /** Qdrant's answer to a point id that names no point, from its point key. */
    static QdrantDoubleException pointNotFound(String pointKey) {
        String id = pointKey.substring(2);
        if (pointKey.startsWith("n:")) {
            id = id.replaceFirst("^0+(?=.)", "");
        }
        return new QdrantDoubleException(
                Status.Code.NOT_FOUND, "Not found: No point with id " + id + " found");
    }

    /** For the parts of Qdrant's API this double does not model: say so instead of guessing. */
    static QdrantDoubleException unsupported(String what) {
        return new QdrantDoubleException(
                Status.Code.UNIMPLEMENTED, what + " is not implemented by the Qdrant double");
    }

    Status toStatus() {
        return Status.fromCode(code).withDescription(getMessage());
    }
}
