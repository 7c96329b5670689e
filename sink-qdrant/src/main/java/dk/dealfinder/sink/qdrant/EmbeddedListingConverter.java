package dk.dealfinder.sink.qdrant;

import dk.dealfinder.core.model.EmbeddedListing;
import java.util.Map;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.connector.base.sink.writer.ElementConverter;

/**
 * Turns a listing version into an upsert of its point, live and with no verdicts: for streams of
 * embeddings alone (a backfill, the benchmark). The job writes {@link QdrantWrite}s instead, which
 * also carry verdicts and removals.
 */
public final class EmbeddedListingConverter
        implements ElementConverter<EmbeddedListing, QdrantPointWrite> {

    private static final long serialVersionUID = 1L;

    @Override
    public QdrantPointWrite apply(EmbeddedListing embedded, SinkWriter.Context context) {
        return QdrantWriteConverter.upsert(embedded, Map.of(), true);
    }
}
