package dk.dealfinder.scraper.enumerator;

import dk.dealfinder.scraper.split.SearchSplit;
import dk.dealfinder.scraper.split.SearchSplitSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/** Versioned binary form of {@link ScraperEnumState}. */
public final class ScraperEnumStateSerializer
        implements SimpleVersionedSerializer<ScraperEnumState> {

    private static final int VERSION = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(ScraperEnumState state) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(512);
        out.writeInt(state.unassigned().size());
        for (SearchSplit split : state.unassigned()) {
            SearchSplitSerializer.write(split, out);
        }
        out.writeInt(state.assignedSplitIds().size());
        for (String id : state.assignedSplitIds()) {
            out.writeUTF(id);
        }
        return out.getCopyOfBuffer();
    }

    @Override
    public ScraperEnumState deserialize(int version, byte[] bytes) throws IOException {
        if (version != VERSION) {
            throw new IOException("unknown ScraperEnumState serializer version " + version);
        }
        DataInputDeserializer in = new DataInputDeserializer(bytes);
        int n = in.readInt();
        List<SearchSplit> unassigned = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            unassigned.add(SearchSplitSerializer.read(in));
        }
        int m = in.readInt();
        Set<String> assigned = new HashSet<>();
        for (int i = 0; i < m; i++) {
            assigned.add(in.readUTF());
        }
        return new ScraperEnumState(unassigned, assigned);
    }
}
