package dk.dealfinder.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A {@link FanOutLoad} JVM as the bench drives it: started, read until it holds, released. */
final class FanOutLoadProcess implements AutoCloseable {

    /** The clients' own heap stays out of the server's: this bounds it instead. */
    private static final String CLIENT_HEAP = "-Xmx1g";

    /** How long the load's poster keeps an idle connection to the server open. */
    static final Duration POSTER_KEEP_ALIVE = Duration.ofSeconds(1);

    private final Process process;
    private final BufferedReader out;

    private FanOutLoadProcess(Process process) {
        this.process = process;
        this.out =
                new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /**
     * Starts the load against {@code server}: {@code clients} streams, {@code perSecond} alerts,
     * warmed up for {@code warmup} and then timed for {@code measure}.
     */
    static FanOutLoadProcess start(
            URI server,
            String ingestToken,
            SseFanOutBench.StreamAccess access,
            int clients,
            double perSecond,
            Duration warmup,
            Duration measure)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(CLIENT_HEAP);
        // Idle keep-alive connections of the poster close after a second instead of twenty
        // minutes, so they are gone from the server's heap by the time the bench weighs it.
        command.add("-Djdk.httpclient.keepalive.timeout=" + POSTER_KEEP_ALIVE.toSeconds());
        String logConfig = System.getProperty("log4j2.configurationFile");
        if (logConfig != null) {
            command.add("-Dlog4j2.configurationFile=" + logConfig);
        }
        command.addAll(
                List.of(
                        "-cp",
                        System.getProperty("java.class.path"),
                        FanOutLoad.class.getName(),
                        server.toString(),
                        Integer.toString(clients),
                        Double.toString(perSecond),
                        Long.toString(warmup.toSeconds()),
                        Long.toString(measure.toSeconds()),
                        access.queryId()));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put(FanOutLoad.INGEST_TOKEN_ENV, ingestToken);
        access.authorization()
                .ifPresent(value -> builder.environment().put(FanOutLoad.AUTHORIZATION_ENV, value));
        return new FanOutLoadProcess(builder.start());
    }

    /**
     * Reads the load's report until it says it holds its clients connected, and returns the result
     * line as key/value pairs (latencies in microseconds).
     */
    Map<String, String> awaitHolding() throws IOException {
        Map<String, String> result = new HashMap<>();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (!line.startsWith(FanOutLoad.REPORT)) {
                System.out.println("  [load] " + line);
                continue;
            }
            String report = line.substring(FanOutLoad.REPORT.length());
            System.out.println("  " + report);
            if (report.equals("holding")) {
                return result;
            }
            if (report.startsWith("result ")) {
                for (String pair : report.substring("result ".length()).split(" ")) {
                    String[] kv = pair.split("=", 2);
                    result.put(kv[0], kv[1]);
                }
            }
        }
        throw new IOException("the load process ended early, exit code " + exitCode());
    }

    private int exitCode() {
        try {
            return process.waitFor(5, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Lets the load disconnect its clients and exit. */
    @Override
    public void close() throws IOException {
        try (OutputStream in = process.getOutputStream()) {
            in.write('\n');
        } catch (IOException e) {
            // already gone
        }
        if (exitCode() == -1) {
            process.destroyForcibly();
        }
        out.close();
    }
}
