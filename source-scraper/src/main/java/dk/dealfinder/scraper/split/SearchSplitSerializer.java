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

    /** Version 2 added the fingerprints; version 1 splits read with unknown fingerprints. */
    private static final int VERSION = 2;

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
        return read(new DataInputDeserializer(bytes), version);
    }

    public static void write(SearchSplit split, DataOutputView out) throws IOException {
        out.writeUTF(split.site());
        out.writeUTF(split.queryId());
        out.writeUTF(split.terms());
        out.writeLong(split.newestPublishedAt());
        out.writeInt(split.recentAdIds().size());
        for (int i = 0; i < split.recentAdIds().size(); i++) {
            out.writeUTF(split.recentAdIds().get(i));
            out.writeInt(split.recentFingerprints().get(i));
        }
    }

    /** Reads a split written by {@link #write} under serializer {@code version}. */
    public static SearchSplit read(DataInputView in, int version) throws IOException {
        if (version != 1 && version != VERSION) {
            throw new IOException("unknown SearchSplit serializer version " + version);
        }
        String site = in.readUTF();
        String queryId = in.readUTF();
        String terms = in.readUTF();
        long newest = in.readLong();
        int n = in.readInt();
        List<String> ids = new ArrayList<>(n);
        List<Integer> prints = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(in.readUTF());
            prints.add(version == 1 ? SearchSplitState.UNKNOWN_FINGERPRINT : in.readInt());
        }
        return new SearchSplit(site, queryId, terms, newest, ids, prints);
    }
}
