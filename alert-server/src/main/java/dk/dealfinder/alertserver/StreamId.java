package dk.dealfinder.alertserver;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Redis stream entry id ({@code <millis>-<sequence>}). SSE clients echo it back as {@code
 * Last-Event-ID}, so it is parsed strictly: it ends up in an XRANGE argument.
 */
record StreamId(long millis, long sequence) implements Comparable<StreamId> {

    static final StreamId ZERO = new StreamId(0, 0);

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,19})-(\\d{1,19})");

    /**
     * Parses {@code 1718000000000-3}; throws {@link IllegalArgumentException} for anything else.
     */
    static StreamId parse(String text) {
        Matcher matcher = FORMAT.matcher(text == null ? "" : text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a stream entry id (expected <millis>-<seq>)");
        }
        try {
            return new StreamId(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("stream entry id out of range", e);
        }
    }

    /** The smallest id after this one: XRANGE's start is inclusive, resuming must not repeat. */
    StreamId successor() {
        return sequence == Long.MAX_VALUE
                ? new StreamId(millis + 1, 0)
                : new StreamId(millis, sequence + 1);
    }

    @Override
    public int compareTo(StreamId other) {
        int byMillis = Long.compare(millis, other.millis);
        return byMillis != 0 ? byMillis : Long.compare(sequence, other.sequence);
    }

    @Override
    public String toString() {
        return millis + "-" + sequence;
    }
}
