package dk.dealfinder.sink.qdrant;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriterStateSerializer;

/**
 * Checkpoints the writes still buffered in a writer: kind, point id and the protobuf bytes of the
 * point or payload, so a restore resends exactly what was pending.
 */
public final class QdrantWriterStateSerializer
        extends AsyncSinkWriterStateSerializer<QdrantPointWrite> {

    @Override
    protected void serializeRequestToStream(QdrantPointWrite write, DataOutputStream out)
            throws IOException {
        out.writeByte(write.kind().code);
        out.writeUTF(write.pointId());
        out.writeInt(write.bytes().length);
        out.write(write.bytes());
    }

    @Override
    protected QdrantPointWrite deserializeRequestFromStream(long requestSize, DataInputStream in)
            throws IOException {
        QdrantPointWrite.Kind kind = QdrantPointWrite.Kind.ofCode(in.readByte());
        String pointId = in.readUTF();
        byte[] point = new byte[in.readInt()];
        in.readFully(point);
        return new QdrantPointWrite(kind, pointId, point);
    }

    @Override
    public int getVersion() {
        return 1;
    }
}
