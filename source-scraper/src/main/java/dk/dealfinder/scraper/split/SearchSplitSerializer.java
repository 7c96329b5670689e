package dk.dealfinder.scraper.split;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;

/** Versioned binary form of a {@link SearchSplit} for checkpoints. */
public final class SearchSplitSerializer implements SimpleVersionedSerializer<SearchSplit> {

    public static final SearchSplitSerializer INSTANCE = new SearchSplitSerializer();
    private static final int VERSION = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(SearchSplit split) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        write(split, out);
        return out.getCopyOfBuffer();
    }

    @Override
    public SearchSplit deserialize(int version, byte[] bytes) throws IOException {
        if (version != VERSION) {
            throw new IOException("unknown SearchSplit serializer version " + version);
        }
        return read(new DataInputDeserializer(bytes));
    }

    public static void write(SearchSplit split, DataOutputView out) throws IOException {
        out.writeUTF(split.site());
        out.writeUTF(split.queryId());
        out.writeUTF(split.terms());
        out.writeLong(split.newestPublishedAt());
        out.writeInt(split.recentAdIds().size());
        for (String id : split.recentAdIds()) {
            out.writeUTF(id);
        }
    }

    public static SearchSplit read(DataInputView in) throws IOException {
        String site = in.readUTF();
        String queryId = in.readUTF();
        String terms = in.readUTF();
        long newest = in.readLong();
        int n = in.readInt();
        List<String> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(in.readUTF());
        }
        return new SearchSplit(site, queryId, terms, newest, ids);
    }
}
