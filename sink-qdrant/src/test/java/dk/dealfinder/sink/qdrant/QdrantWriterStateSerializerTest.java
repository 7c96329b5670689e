package dk.dealfinder.sink.qdrant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.RequestEntryWrapper;
import org.junit.jupiter.api.Test;

class QdrantWriterStateSerializerTest {

    @Test
    void bufferedWritesOfEveryKindSurviveACheckpointRoundTrip() throws Exception {
        List<QdrantPointWrite> writes =
                List.of(
                        new EmbeddedListingConverter().apply(TestListings.embedded(1, 1), null),
                        QdrantPointWrite.deactivate("dba.dk:ad2"),
                        QdrantPointWrite.delete("dba.dk:ad3"),
                        QdrantPointWrite.setVerdicts("dba.dk:ad4", Map.of("q1", "RELEVANT")),
                        QdrantPointWrite.activate("dba.dk:ad5"));
        QdrantWriterStateSerializer serializer = new QdrantWriterStateSerializer();
        List<RequestEntryWrapper<QdrantPointWrite>> buffered =
                writes.stream().map(w -> new RequestEntryWrapper<>(w, w.sizeInBytes())).toList();

        byte[] bytes = serializer.serialize(new BufferedRequestState<>(buffered));
        BufferedRequestState<QdrantPointWrite> restored =
                serializer.deserialize(serializer.getVersion(), bytes);

        assertThat(restored.getBufferedRequestEntries())
                .extracting(RequestEntryWrapper::getRequestEntry)
                .containsExactlyElementsOf(writes);
        assertThat(restored.getBufferedRequestEntries().get(0).getRequestEntry().point())
                .isEqualTo(writes.get(0).point());
        assertThat(restored.getBufferedRequestEntries().get(3).getRequestEntry().payload())
                .isEqualTo(writes.get(3).payload());
    }
}
