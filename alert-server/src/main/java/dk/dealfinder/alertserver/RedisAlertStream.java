package dk.dealfinder.alertserver;

import dk.dealfinder.alertserver.web.ClasspathText;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;
import redis.clients.jedis.params.XReadParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * The alert feed in Redis: one stream that every replica appends to and tails. Appends are
 * idempotent by alert id so the Flink sink can retry a batch freely.
 */
final class RedisAlertStream {

    /** Stream entry field holding the alert JSON. */
    static final String FIELD = "alert";

    /** Stream entry field holding the alert's saved query id. */
    static final String QUERY_FIELD = "query";

    /** Alert ids are remembered this long (30 days), far beyond any Flink replay window. */
    private static final long GUARD_TTL_SECONDS = Duration.ofDays(30).toSeconds();

    private static final String APPEND_SCRIPT =
            ClasspathText.read("/dk/dealfinder/alertserver/append-alerts.lua");

    private final UnifiedJedis redis;
    private final String streamKey;
    private final long maxLen;
    private volatile String appendSha;

    RedisAlertStream(UnifiedJedis redis, String streamKey, long maxLen) {
        this.redis = redis;
        this.streamKey = streamKey;
        this.maxLen = maxLen;
    }

    /** What one append did for each alert, in request order. */
    record Appended(List<StreamId> ids, int added, int duplicates) {}

    /** Appends alert JSON documents keyed by alert id in one atomic script run. */
    Appended append(List<String> alertIds, List<String> alertJson, List<String> queryIds) {
        if (alertIds.isEmpty()) {
            return new Appended(List.of(), 0, 0);
        }
        List<String> keys = new ArrayList<>(alertIds.size() + 1);
        keys.add(streamKey);
        for (String alertId : alertIds) {
            keys.add(guardKey(alertId));
        }
        List<String> args = new ArrayList<>(alertJson.size() + 2);
        args.add(Long.toString(maxLen));
        args.add(Long.toString(GUARD_TTL_SECONDS));
        args.addAll(alertJson);
        args.addAll(queryIds);
        return toAppended((List<?>) runAppendScript(keys, args));
    }

    /** Entries strictly after {@code after}, oldest first, at most {@code count}. */
    List<AlertEvent> after(StreamId after, int count) {
        StreamId start = after.successor();
        return toEvents(
                redis.xrange(
                        streamKey,
                        new StreamEntryID(start.millis(), start.sequence()),
                        StreamEntryID.MAXIMUM_ID,
                        count));
    }

    /** The newest {@code count} entries, oldest first. */
    List<AlertEvent> latest(int count) {
        List<AlertEvent> newestFirst =
                toEvents(
                        redis.xrevrange(
                                streamKey,
                                StreamEntryID.MAXIMUM_ID,
                                StreamEntryID.MINIMUM_ID,
                                count));
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    /** Id of the newest entry, {@link StreamId#ZERO} for an empty or missing stream. */
    StreamId lastId() {
        List<AlertEvent> newest = latest(1);
        return newest.isEmpty() ? StreamId.ZERO : newest.get(0).id();
    }

    /** Blocks up to {@code block} for entries after {@code after}; empty when none arrived. */
    List<AlertEvent> read(StreamId after, Duration block, int count) {
        List<Map.Entry<String, List<StreamEntry>>> streams =
                redis.xread(
                        XReadParams.xReadParams().block((int) block.toMillis()).count(count),
                        Map.of(streamKey, new StreamEntryID(after.millis(), after.sequence())));
        if (streams == null || streams.isEmpty()) {
            return List.of();
        }
        return toEvents(streams.get(0).getValue());
    }

    long length() {
        return redis.xlen(streamKey);
    }

    boolean ping() {
        return "PONG".equalsIgnoreCase(redis.ping());
    }

    private String guardKey(String alertId) {
        // Scoped by stream so independent feeds on one Redis deduplicate independently.
        return streamKey + ":alert-id:" + alertId;
    }

    private Object runAppendScript(List<String> keys, List<String> args) {
        String sha = appendSha;
        if (sha != null) {
            try {
                return redis.evalsha(sha, keys, args);
            } catch (JedisNoScriptException e) {
                // Redis restarted or SCRIPT FLUSH ran: load it again below.
            }
        }
        appendSha = redis.scriptLoad(APPEND_SCRIPT, streamKey);
        return redis.evalsha(appendSha, keys, args);
    }

    private static Appended toAppended(List<?> reply) {
        List<StreamId> ids = new ArrayList<>(reply.size() / 2);
        int added = 0;
        for (int i = 0; i < reply.size(); i += 2) {
            if (((Number) reply.get(i)).longValue() == 1) {
                added++;
            }
            ids.add(StreamId.parse(asText(reply.get(i + 1))));
        }
        return new Appended(ids, added, ids.size() - added);
    }

    private static String asText(Object value) {
        return value instanceof byte[] bytes
                ? new String(bytes, StandardCharsets.UTF_8)
                : String.valueOf(value);
    }

    private static List<AlertEvent> toEvents(List<StreamEntry> entries) {
        List<AlertEvent> events = new ArrayList<>(entries.size());
        for (StreamEntry entry : entries) {
            String json = entry.getFields().get(FIELD);
            if (json != null) {
                StreamEntryID id = entry.getID();
                events.add(
                        new AlertEvent(
                                new StreamId(id.getTime(), id.getSequence()),
                                json,
                                entry.getFields().get(QUERY_FIELD)));
            }
        }
        return events;
    }
}
