package dk.dealfinder.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many concurrent Server-Sent Events connections read by one thread: plain sockets on one NIO
 * selector, each stream parsed by an {@link SseStreamReader}. A thousand streams cost the client
 * one thread and a few megabytes, so on a small machine the CPU goes to the server being measured.
 * Every client notes, for each alert it reads whose send time is known, the time from sending the
 * alert to reading its event.
 */
final class SseStreamClients implements AutoCloseable {

    /**
     * Connections opened at once: the JVM's default accept backlog is 50, and SYNs beyond it wait a
     * second for the retransmit, which would only slow the start.
     */
    private static final int CONNECT_WAVE = 50;

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

    private final Selector selector;
    private final Thread thread;
    private final Queue<Joining> joining = new ConcurrentLinkedQueue<>();
    private final List<SseStreamReader> readers = new ArrayList<>();
    private final List<SocketChannel> channels = new ArrayList<>();
    private final Map<String, Long> sentAtNanos;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong ended = new AtomicLong();
    private volatile boolean open = true;

    private SseStreamClients(Map<String, Long> sentAtNanos) throws IOException {
        this.sentAtNanos = sentAtNanos;
        this.selector = Selector.open();
        this.thread = new Thread(this::readAll, "sse-stream-clients");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Opens {@code count} streams and returns once the server has answered each with its response
     * head, which it sends only after subscribing the client.
     *
     * @param authorization the {@code Authorization} header value every stream request carries
     * @param sentAtNanos {@link System#nanoTime()} at which each alert (by id) was sent; alerts not
     *     in it are read but not timed
     */
    static SseStreamClients connect(
            URI stream, int count, Optional<String> authorization, Map<String, Long> sentAtNanos)
            throws Exception {
        SseStreamClients clients = new SseStreamClients(sentAtNanos);
        try {
            byte[] request = request(stream, authorization);
            InetSocketAddress address = new InetSocketAddress(stream.getHost(), stream.getPort());
            for (int opened = 0; opened < count; opened += CONNECT_WAVE) {
                clients.openWave(address, request, Math.min(CONNECT_WAVE, count - opened));
            }
        } catch (Exception e) {
            clients.close();
            throw e;
        }
        return clients;
    }

    private static byte[] request(URI stream, Optional<String> authorization) {
        StringBuilder request =
                new StringBuilder("GET ")
                        .append(stream.getRawPath())
                        .append(" HTTP/1.1\r\nHost: ")
                        .append(stream.getHost())
                        .append(':')
                        .append(stream.getPort())
                        .append("\r\nAccept: text/event-stream\r\n");
        authorization.ifPresent(
                value -> request.append("Authorization: ").append(value).append("\r\n"));
        return request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private void openWave(InetSocketAddress address, byte[] request, int size) throws Exception {
        List<SseStreamReader> wave = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            SocketChannel channel = SocketChannel.open(address);
            channel.write(ByteBuffer.wrap(request));
            channel.configureBlocking(false);
            SseStreamReader reader = new SseStreamReader(sentAtNanos, delivered);
            synchronized (readers) {
                readers.add(reader);
                channels.add(channel);
            }
            wave.add(reader);
            joining.add(new Joining(channel, reader));
        }
        selector.wakeup();
        for (SseStreamReader reader : wave) {
            int code = reader.status.get(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (code != 200) {
                throw new IllegalStateException("the alert stream answered HTTP " + code);
            }
        }
    }

    /** A connected stream for the selector thread to take on. */
    private record Joining(SocketChannel channel, SseStreamReader reader) {}

    /** The selector thread: registers new streams and feeds every arriving byte to its reader. */
    private void readAll() {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        try {
            while (open) {
                selector.select();
                for (Joining stream = joining.poll(); stream != null; stream = joining.poll()) {
                    stream.channel().register(selector, SelectionKey.OP_READ, stream.reader());
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    read(key, buffer);
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void read(SelectionKey key, ByteBuffer buffer) {
        SseStreamReader reader = (SseStreamReader) key.attachment();
        SocketChannel channel = (SocketChannel) key.channel();
        try {
            for (int n = channel.read(buffer); n != 0; n = channel.read(buffer)) {
                if (n < 0) {
                    endStream(key, reader, new IOException("the server ended the stream"));
                    return;
                }
                reader.accept(buffer.array(), 0, n, System.nanoTime());
                buffer.clear();
            }
        } catch (IOException e) {
            endStream(key, reader, e);
        }
    }

    private void endStream(SelectionKey key, SseStreamReader reader, IOException cause) {
        key.cancel();
        ended.incrementAndGet();
        reader.status.completeExceptionally(cause);
        try {
            key.channel().close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    /** Alerts read so far whose send time was known, over all clients. */
    long delivered() {
        return delivered.get();
    }

    /** Streams that ended before the bench closed them (the server dropped them, or failed). */
    long ended() {
        return ended.get();
    }

    /** Every client's send-to-read times in microseconds; call once the alerts are in. */
    long[] latenciesMicros() {
        // Reading the counter first orders this after the samples it counts.
        long total = delivered.get();
        long[] all = new long[Math.toIntExact(total)];
        int at = 0;
        synchronized (readers) {
            for (SseStreamReader reader : readers) {
                long[] micros = reader.micros();
                int n = Math.min(micros.length, all.length - at);
                System.arraycopy(micros, 0, all, at, n);
                at += n;
            }
        }
        return Arrays.copyOf(all, at);
    }

    @Override
    public void close() throws IOException {
        open = false;
        selector.wakeup();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (readers) {
            for (SocketChannel channel : channels) {
                channel.close();
            }
        }
        selector.close();
    }
}
