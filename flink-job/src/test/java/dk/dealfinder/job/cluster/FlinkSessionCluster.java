package dk.dealfinder.job.cluster;

import dk.dealfinder.testkit.Await;
import dk.dealfinder.testkit.SharedRedis;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessSpec;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessUtils;
import org.apache.flink.runtime.util.config.memory.ProcessMemoryUtils;

/**
 * A real standalone Flink session cluster: a JobManager ({@code
 * StandaloneSessionClusterEntrypoint}) and a TaskManager ({@code TaskManagerRunner}) as two
 * separate JVMs, started from the Flink jars Maven resolved for this module, with web submission
 * enabled. Our own classes are kept off their classpath, so a job can only run from the jar that is
 * uploaded to it.
 */
final class FlinkSessionCluster implements AutoCloseable {

    /** What Flink's default {@code env.java.opts.all} passes to every cluster JVM on Java 17. */
    private static final List<String> MODULE_OPENS =
            List.of(
                    "java.base/java.lang",
                    "java.base/java.net",
                    "java.base/java.io",
                    "java.base/java.nio",
                    "java.base/sun.nio.ch",
                    "java.base/java.lang.reflect",
                    "java.base/java.text",
                    "java.base/java.time",
                    "java.base/java.util",
                    "java.base/java.util.concurrent",
                    "java.base/java.util.concurrent.atomic",
                    "java.base/java.util.concurrent.locks");

    private final Path home;
    private final int restPort;
    private final List<Process> processes = new ArrayList<>();

    private FlinkSessionCluster(Path home, int restPort) {
        this.home = home;
        this.restPort = restPort;
    }

    static FlinkSessionCluster start(Path home) throws IOException {
        Files.createDirectories(home.resolve("conf"));
        Files.createDirectories(home.resolve("log"));
        FlinkSessionCluster cluster = new FlinkSessionCluster(home, SharedRedis.freePort());
        cluster.writeConfig();
        cluster.launch(
                "jobmanager",
                List.of("-Xmx768m"),
                "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint",
                List.of());
        // What Flink's start scripts compute for a TaskManager: JVM memory flags and the resource
        // settings it insists on receiving as dynamic properties.
        TaskExecutorProcessSpec spec =
                TaskExecutorProcessUtils.processSpecFromConfig(
                        GlobalConfiguration.loadConfiguration(home.resolve("conf").toString()));
        cluster.launch(
                "taskmanager",
                split(ProcessMemoryUtils.generateJvmParametersStr(spec)),
                "org.apache.flink.runtime.taskexecutor.TaskManagerRunner",
                split(TaskExecutorProcessUtils.generateDynamicConfigsStr(spec)));
        return cluster;
    }

    int restPort() {
        return restPort;
    }

    Path home() {
        return home;
    }

    private void writeConfig() throws IOException {
        String dir = home.toAbsolutePath().toString();
        Files.writeString(
                home.resolve("conf/config.yaml"),
                String.join(
                        "\n",
                        "jobmanager.rpc.address: localhost",
                        "jobmanager.rpc.port: " + SharedRedis.freePort(),
                        "jobmanager.bind-host: localhost",
                        "jobmanager.memory.process.size: 1024m",
                        "taskmanager.host: localhost",
                        "taskmanager.bind-host: localhost",
                        "taskmanager.memory.process.size: 2048m",
                        "taskmanager.cpu.cores: 2",
                        "taskmanager.numberOfTaskSlots: 2",
                        "rest.address: localhost",
                        "rest.bind-address: localhost",
                        "rest.port: " + restPort,
                        "web.submit.enable: true",
                        "web.upload.dir: " + dir + "/uploads",
                        "execution.checkpointing.dir: file://" + dir + "/checkpoints",
                        "execution.checkpointing.savepoint-dir: file://" + dir + "/savepoints",
                        "io.tmp.dirs: " + dir + "/tmp",
                        // Native-library jars must load once per JVM, not once per job, so they
                        // come from
                        // the cluster's classpath (in a real deployment: Flink's lib/ folder).
                        "classloader.parent-first-patterns.additional: ai.djl.;ai.onnxruntime.",
                        ""));
        Files.writeString(
                home.resolve("conf/log4j.properties"),
                String.join(
                        "\n",
                        "rootLogger.level = INFO",
                        "rootLogger.appenderRef.file.ref = File",
                        "appender.file.name = File",
                        "appender.file.type = File",
                        "appender.file.fileName = ${sys:log.file}",
                        "appender.file.layout.type = PatternLayout",
                        "appender.file.layout.pattern = %d{HH:mm:ss,SSS} %-5p %-40c{1} %m%n",
                        ""));
    }

    private static List<String> split(String arguments) {
        return Arrays.stream(arguments.trim().split("\\s+")).filter(a -> !a.isEmpty()).toList();
    }

    private void launch(
            String name, List<String> jvmOptions, String mainClass, List<String> dynamicConfig)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        MODULE_OPENS.forEach(module -> command.add("--add-opens=" + module + "=ALL-UNNAMED"));
        command.addAll(
                List.of(
                        "-Dlog.file=" + home.resolve("log/" + name + ".log"),
                        "-Dlog4j.configurationFile=file:" + home.resolve("conf/log4j.properties"),
                        "-Djava.io.tmpdir=" + home.resolve("tmp"),
                        "-cp",
                        clusterClasspath(),
                        mainClass,
                        "--configDir",
                        home.resolve("conf").toString()));
        command.addAll(dynamicConfig);
        Files.createDirectories(home.resolve("tmp"));
        processes.add(
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(home.resolve("log/" + name + ".out").toFile())
                        .start());
    }

    /**
     * This test JVM's classpath (Flink, its dependencies, the logging backend) without anything
     * built from this repository: those classes must come from the uploaded jar.
     */
    private static String clusterClasspath() {
        Path repository = Path.of("").toAbsolutePath().getParent();
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).toAbsolutePath().startsWith(repository))
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** Waits until the REST endpoint reports one TaskManager. */
    void awaitReady(FlinkRestClient rest, Duration timeout) {
        Await.until(
                timeout,
                "the Flink session cluster to report a TaskManager",
                () -> {
                    for (Process p : processes) {
                        if (!p.isAlive()) {
                            throw new IllegalStateException(
                                    "a cluster process exited; see " + home.resolve("log"));
                        }
                    }
                    return rest.taskManagers() == 1;
                });
    }

    @Override
    public void close() {
        for (Process p : processes) {
            p.destroy();
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
    }

    static void deleteQuietly(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
