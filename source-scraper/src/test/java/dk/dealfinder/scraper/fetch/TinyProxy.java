package dk.dealfinder.scraper.fetch;

import dk.dealfinder.testkit.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A real Debian tinyproxy on a free loopback port, started and stopped by the test. */
final class TinyProxy implements AutoCloseable {

    private final Process process;
    private final int port;

    private TinyProxy(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static TinyProxy start(Path dir) throws IOException {
        Path binary = Path.of("/usr/bin/tinyproxy");
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException(
                    "tinyproxy is not installed: run scripts/install-test-deps");
        }
        int port = freePort();
        Path config = dir.resolve("tinyproxy.conf");
        Files.writeString(
                config,
                String.join(
                        "\n",
                        "Port " + port,
                        "Listen 127.0.0.1",
                        "Timeout 30",
                        "Allow 127.0.0.1",
                        "MaxClients 20",
                        "LogLevel Warning",
                        "PidFile \"" + dir.resolve("tinyproxy.pid") + "\"",
                        ""));
        Process process =
                new ProcessBuilder(binary.toString(), "-d", "-c", config.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("tinyproxy.log").toFile())
                        .start();
        TinyProxy proxy = new TinyProxy(process, port);
        Await.until(Duration.ofSeconds(20), "tinyproxy listening on " + port, proxy::accepts);
        return proxy;
    }

    private boolean accepts() {
        if (!process.isAlive()) {
            throw new IllegalStateException("tinyproxy exited with " + process.exitValue());
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String address() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.destroy();
    }
}
