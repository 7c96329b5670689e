package dk.dealfinder.sink.qdrant;

import static io.qdrant.client.ValueFactory.value;

import com.google.protobuf.InvalidProtocolBufferException;
import dk.dealfinder.core.model.EmbeddedListing;
import dk.dealfinder.core.model.ListingPointFields;
import io.qdrant.client.grpc.JsonWithInt.Struct;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.PointStruct;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.util.Preconditions;

/**
 * One buffered write of the Qdrant sink: upsert a point, set part of its payload (verdicts, the
 * {@code active} flag) or delete it. A point or payload travels as its protobuf bytes, which is
 * also how it is checkpointed and what its size is measured in.
 */
public final class QdrantPointWrite implements Serializable {

    private static final long serialVersionUID = 1L;

    /** What the write does. The byte values are part of the checkpoint format. */
    public enum Kind {
        UPSERT((byte) 0),
        /** Sets {@code active=false}, keeping the point so searches can still filter it out. */
        DEACTIVATE((byte) 1),
        DELETE((byte) 2),
        /** Replaces the {@code verdicts} and {@code relevant_for} fields. */
        SET_VERDICTS((byte) 3),
        /** Sets {@code active=true}: a removed listing is live again. */
        ACTIVATE((byte) 4);

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

        /** Whether the write sets payload fields of an existing point. */
        boolean setsPayload() {
            return this == DEACTIVATE || this == ACTIVATE || this == SET_VERDICTS;
        }
    }

    private final Kind kind;
    private final String pointId;
    private final byte[] bytes;

    QdrantPointWrite(Kind kind, String pointId, byte[] bytes) {
        this.kind = Preconditions.checkNotNull(kind, "kind");
        this.pointId = Preconditions.checkNotNull(pointId, "pointId");
        this.bytes = Preconditions.checkNotNull(bytes, "bytes");
    }

    public static QdrantPointWrite upsert(PointStruct point) {
        Preconditions.checkArgument(point.getId().hasUuid(), "listing points have UUID ids");
        return new QdrantPointWrite(Kind.UPSERT, point.getId().getUuid(), point.toByteArray());
    }

    public static QdrantPointWrite deactivate(String listingKey) {
        return new QdrantPointWrite(
                Kind.DEACTIVATE, EmbeddedListing.pointIdOf(listingKey), new byte[0]);
    }

    public static QdrantPointWrite activate(String listingKey) {
        return new QdrantPointWrite(
                Kind.ACTIVATE, EmbeddedListing.pointIdOf(listingKey), new byte[0]);
    }

    /** Replaces the listing's verdicts (query id to verdict name) and its relevant_for list. */
    public static QdrantPointWrite setVerdicts(String listingKey, Map<String, String> verdicts) {
        byte[] payload =
                Struct.newBuilder()
                        .putAllFields(ListingPayload.verdicts(verdicts))
                        .build()
                        .toByteArray();
        return new QdrantPointWrite(
                Kind.SET_VERDICTS, EmbeddedListing.pointIdOf(listingKey), payload);
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

    byte[] bytes() {
        return bytes;
    }

    public PointStruct point() {
        Preconditions.checkState(kind == Kind.UPSERT, "only an upsert carries a point");
        try {
            return PointStruct.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("corrupt buffered Qdrant point " + pointId, e);
        }
    }

    /** The payload fields a payload-setting write sets. */
    public Map<String, Value> payload() {
        switch (kind) {
            case DEACTIVATE:
                return Map.of(ListingPointFields.ACTIVE, value(false));
            case ACTIVATE:
                return Map.of(ListingPointFields.ACTIVE, value(true));
            case SET_VERDICTS:
                try {
                    return Struct.parseFrom(bytes).getFieldsMap();
                } catch (InvalidProtocolBufferException e) {
                    throw new IllegalStateException(
                            "corrupt buffered Qdrant payload " + pointId, e);
                }
            default:
                throw new IllegalStateException(kind + " sets no payload");
        }
    }

    /** Bytes this write adds to a request: the point (which holds its id), or id and payload. */
    long sizeInBytes() {
        return kind == Kind.UPSERT ? bytes.length : pointId.length() + bytes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QdrantPointWrite other
                && kind == other.kind
                && pointId.equals(other.pointId)
                && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, pointId, Arrays.hashCode(bytes));
    }

    @Override
    public String toString() {
        return kind + " " + pointId;
    }
}
