package dk.dealfinder.scraper.enumerator;

import dk.dealfinder.scraper.split.SearchSplit;
import dk.dealfinder.scraper.split.SearchSplitSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * Versioned binary form of {@link ScraperEnumState}. Version 2 added the assigned feeds' terms and
 * the retired feeds; a version 1 state restores with unknown terms (the enumerator then re-sends
 * the current ones) and nothing retired.
 */
public final class ScraperEnumStateSerializer
        implements SimpleVersionedSerializer<ScraperEnumState> {

    private static final int VERSION = 2;

    /** Terms of a feed restored from a version 1 state, which did not keep them. */
    static final String UNKNOWN_TERMS = "";

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
        out.writeInt(state.assignedTerms().size());
        for (Map.Entry<String, String> e : state.assignedTerms().entrySet()) {
            out.writeUTF(e.getKey());
            out.writeUTF(e.getValue());
        }
        out.writeInt(state.retired().size());
        for (String id : state.retired()) {
            out.writeUTF(id);
        }
        return out.getCopyOfBuffer();
    }

    @Override
    public ScraperEnumState deserialize(int version, byte[] bytes) throws IOException {
        if (version != 1 && version != VERSION) {
            throw new IOException("unknown ScraperEnumState serializer version " + version);
        }
        DataInputDeserializer in = new DataInputDeserializer(bytes);
        int n = in.readInt();
        List<SearchSplit> unassigned = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            unassigned.add(SearchSplitSerializer.read(in, version));
        }
        int m = in.readInt();
        Map<String, String> assigned = new HashMap<>();
        for (int i = 0; i < m; i++) {
            String id = in.readUTF();
            assigned.put(id, version == 1 ? UNKNOWN_TERMS : in.readUTF());
        }
        Set<String> retired = new HashSet<>();
        if (version > 1) {
            int r = in.readInt();
            for (int i = 0; i < r; i++) {
                retired.add(in.readUTF());
            }
        }
        return new ScraperEnumState(unassigned, assigned, retired);
    }
}
