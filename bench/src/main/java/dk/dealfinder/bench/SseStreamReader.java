package dk.dealfinder.bench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One SSE stream's bytes as they come off the socket: the HTTP response head, chunked transfer
 * coding, and the event framing, reduced to what the benchmark needs (each event's alert id and the
 * moment its closing blank line arrived). Works on raw bytes so that reading a thousand streams
 * costs the client little next to the server it measures. Fed by one thread only.
 */
final class SseStreamReader {

    private static final byte[] ALERT_ID_FIELD =
            "\"alertId\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DATA_FIELD = "data:".getBytes(StandardCharsets.US_ASCII);
    private static final int UUID_LENGTH = 36;
    private static final byte[] HEAD_END = {'\r', '\n', '\r', '\n'};

    private enum Chunk {
        SIZE,
        EXTENSION,
        DATA,
        DATA_END
    }

    /** The HTTP status, once the response head is in. */
    final CompletableFuture<Integer> status = new CompletableFuture<>();

    private final Map<String, Long> sentAtNanos;
    private final AtomicLong delivered;

    private byte[] head = new byte[512];
    private int headLength;
    private boolean headDone;
    private boolean chunked;
    private Chunk chunk = Chunk.SIZE;
    private long chunkLeft;

    private byte[] line = new byte[1024];
    private int lineLength;
    private String alertId;
    private long[] micros = new long[256];
    private int count;

    SseStreamReader(Map<String, Long> sentAtNanos, AtomicLong delivered) {
        this.sentAtNanos = sentAtNanos;
        this.delivered = delivered;
    }

    /** Reads {@code length} bytes that arrived at {@code atNanos}. */
    void accept(byte[] bytes, int offset, int length, long atNanos) {
        int at = offset;
        int end = offset + length;
        while (at < end && !headDone) {
            head(bytes[at++]);
        }
        if (!chunked) {
            sse(bytes, at, end, atNanos);
            return;
        }
        while (at < end) {
            byte b = bytes[at];
            switch (chunk) {
                case SIZE -> {
                    at++;
                    sizeDigit(b);
                }
                case EXTENSION -> {
                    at++;
                    if (b == '\n') {
                        chunk = Chunk.DATA;
                    }
                }
                case DATA -> {
                    int n = (int) Math.min(chunkLeft, end - at);
                    sse(bytes, at, at + n, atNanos);
                    at += n;
                    chunkLeft -= n;
                    if (chunkLeft == 0) {
                        chunk = Chunk.DATA_END;
                    }
                }
                case DATA_END -> {
                    at++;
                    if (b == '\n') {
                        chunk = Chunk.SIZE;
                    }
                }
            }
        }
    }

    private void sizeDigit(byte b) {
        int digit = Character.digit(b, 16);
        if (digit >= 0) {
            chunkLeft = chunkLeft * 16 + digit;
        } else if (b == ';' || b == '\r') {
            chunk = Chunk.EXTENSION;
        } else if (b == '\n') {
            chunk = Chunk.DATA;
        }
        // A zero-length chunk ends the body; the connection's end follows and is seen there.
    }

    private void head(byte b) {
        if (headLength == head.length) {
            head = Arrays.copyOf(head, headLength * 2);
        }
        head[headLength++] = b;
        if (headLength >= HEAD_END.length
                && Arrays.equals(head, headLength - HEAD_END.length, headLength, HEAD_END, 0, 4)) {
            headDone = true;
            String text = new String(head, 0, headLength, StandardCharsets.ISO_8859_1);
            chunked = text.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked");
            // "HTTP/1.1 200 OK": the code sits between the first two spaces.
            String[] statusLine = text.split(" ", 3);
            status.complete(Integer.parseInt(statusLine[1]));
        }
    }

    private void sse(byte[] bytes, int from, int to, long atNanos) {
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b == '\n') {
                endLine(atNanos);
            } else if (b != '\r') {
                if (lineLength == line.length) {
                    line = Arrays.copyOf(line, lineLength * 2);
                }
                line[lineLength++] = b;
            }
        }
    }

    private void endLine(long atNanos) {
        if (lineLength == 0) {
            // A blank line ends the event: that is when a browser's EventSource fires it.
            if (alertId != null) {
                read(alertId, atNanos);
            }
            alertId = null;
        } else if (startsWith(line, lineLength, DATA_FIELD)) {
            alertId = alertIdIn(line, lineLength);
        }
        lineLength = 0;
    }

    private void read(String id, long atNanos) {
        Long sent = sentAtNanos.get(id);
        if (sent == null) {
            return;
        }
        if (count == micros.length) {
            micros = Arrays.copyOf(micros, count * 2);
        }
        micros[count++] = (atNanos - sent) / 1_000;
        // After the sample, so whoever reads the counter sees the sample too.
        delivered.incrementAndGet();
    }

    /** The send-to-read times so far, in microseconds. */
    long[] micros() {
        return Arrays.copyOf(micros, count);
    }

    private static boolean startsWith(byte[] bytes, int length, byte[] prefix) {
        return length >= prefix.length
                && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** The alert id in a {@code data:} line, found by position rather than by parsing JSON. */
    private static String alertIdIn(byte[] bytes, int length) {
        int last = length - ALERT_ID_FIELD.length - UUID_LENGTH;
        for (int at = 0; at <= last; at++) {
            if (Arrays.equals(
                    bytes,
                    at,
                    at + ALERT_ID_FIELD.length,
                    ALERT_ID_FIELD,
                    0,
                    ALERT_ID_FIELD.length)) {
                return new String(
                        bytes, at + ALERT_ID_FIELD.length, UUID_LENGTH, StandardCharsets.US_ASCII);
            }
        }
        return null;
    }
}
