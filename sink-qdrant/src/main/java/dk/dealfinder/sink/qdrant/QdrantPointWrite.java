package dk.dealfinder.sink.qdrant;

import com.google.protobuf.InvalidProtocolBufferException;
import dk.dealfinder.core.model.EmbeddedListing;
import io.qdrant.client.grpc.Points.PointStruct;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;
import org.apache.flink.util.Preconditions;

/**
 * One buffered write of the Qdrant sink: upsert a point, mark a listing's point inactive, or delete
 * it. The point travels as its protobuf bytes, which is also how it is checkpointed and what its
 * size is measured in.
 */
public final class QdrantPointWrite implements Serializable {

    private static final long serialVersionUID = 1L;

    /** What the write does. The byte values are part of the checkpoint format. */
    public enum Kind {
        UPSERT((byte) 0),
        DEACTIVATE((byte) 1),
        DELETE((byte) 2);

        final byte code;

        Kind(byte code) {
            this.code = code;
        }

        static Kind ofCode(byte code) {
            for (Kind kind : values()) {
                if (kind.code == code) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("unknown Qdrant write kind " + code);
        }
    }

    private final Kind kind;
    private final String pointId;
    private final byte[] pointBytes;

    QdrantPointWrite(Kind kind, String pointId, byte[] pointBytes) {
        this.kind = Preconditions.checkNotNull(kind, "kind");
        this.pointId = Preconditions.checkNotNull(pointId, "pointId");
        this.pointBytes = Preconditions.checkNotNull(pointBytes, "pointBytes");
    }

    public static QdrantPointWrite upsert(PointStruct point) {
        Preconditions.checkArgument(point.getId().hasUuid(), "listing points have UUID ids");
        return new QdrantPointWrite(Kind.UPSERT, point.getId().getUuid(), point.toByteArray());
    }

    /** Keeps the point but sets {@code active=false}, so searches can still filter it out. */
    public static QdrantPointWrite deactivate(String listingKey) {
        return new QdrantPointWrite(
                Kind.DEACTIVATE, EmbeddedListing.pointIdOf(listingKey), new byte[0]);
    }

    public static QdrantPointWrite delete(String listingKey) {
        return new QdrantPointWrite(
                Kind.DELETE, EmbeddedListing.pointIdOf(listingKey), new byte[0]);
    }

    public Kind kind() {
        return kind;
    }

    public String pointId() {
        return pointId;
    }

    byte[] pointBytes() {
        return pointBytes;
    }

    public PointStruct point() {
        Preconditions.checkState(kind == Kind.UPSERT, "only an upsert carries a point");
        try {
            return PointStruct.parseFrom(pointBytes);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("corrupt buffered Qdrant point " + pointId, e);
        }
    }

    /** Bytes this write adds to a request: the point, or the id alone. */
    long sizeInBytes() {
        return kind == Kind.UPSERT ? pointBytes.length : pointId.length();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QdrantPointWrite other
                && kind == other.kind
                && pointId.equals(other.pointId)
                && Arrays.equals(pointBytes, other.pointBytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, pointId, Arrays.hashCode(pointBytes));
    }

    @Override
    public String toString() {
        return kind + " " + pointId;
    }
}
