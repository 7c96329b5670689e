package dk.dealfinder.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.JobID;

/**
 * What a benchmark reads from a local job's REST API (the same numbers the web UI shows): each
 * task's record counts and accumulated busy and back-pressured time, the latest completed
 * checkpoint and the TaskManager's memory metrics.
 */
final class FlinkRest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final JobID job;

    FlinkRest(int port, JobID job) {
        this.base = "http://localhost:" + port;
        this.job = job;
    }

    /**
     * One task (a chain of operators) of the job.
     *
     * @param readRecords records it received over the network
     * @param busyMillis time it spent processing, summed over its subtasks
     * @param backPressuredMillis time it waited for its outputs, summed over its subtasks
     */
    record Task(
            String name,
            long readRecords,
            long writeRecords,
            long busyMillis,
            long backPressuredMillis) {}

    /** The job's tasks, in the order the REST API lists them (sources first). */
    List<Task> tasks() throws IOException, InterruptedException {
        List<Task> out = new ArrayList<>();
        for (JsonNode v : get("/jobs/" + job).path("vertices")) {
            JsonNode m = v.path("metrics");
            out.add(
                    new Task(
                            v.path("name").asText(),
                            m.path("read-records").asLong(),
                            m.path("write-records").asLong(),
                            m.path("accumulated-busy-time").asLong(),
                            m.path("accumulated-backpressured-time").asLong()));
        }
        return out;
    }

    /**
     * The latest completed checkpoint: its id, when it was triggered (epoch ms) and its full size
     * in bytes (every operator's keyed and operator state); null when there is none yet.
     */
    Checkpoint latestCheckpoint() throws IOException, InterruptedException {
        JsonNode latest = get("/jobs/" + job + "/checkpoints").path("latest").path("completed");
        if (latest.isMissingNode() || latest.isNull()) {
            return null;
        }
        return new Checkpoint(
                latest.path("id").asLong(),
                latest.path("trigger_timestamp").asLong(),
                latest.path("state_size").asLong(latest.path("checkpointed_size").asLong()));
    }

    record Checkpoint(long id, long triggeredAt, long stateBytes) {}

    /**
     * The tasks with the most state in checkpoint {@code id}, e.g. {@code change-detector 4.1 MiB}.
     */
    List<String> largestStates(long id, int n) throws IOException, InterruptedException {
        JsonNode tasks = get("/jobs/" + job + "/checkpoints/details/" + id).path("tasks");
        List<JsonNode> vertices = new ArrayList<>();
        get("/jobs/" + job).path("vertices").forEach(vertices::add);
        List<String> ids = new ArrayList<>();
        tasks.fieldNames().forEachRemaining(ids::add);
        return ids.stream()
                .sorted((a, b) -> Long.compare(size(tasks.get(b)), size(tasks.get(a))))
                .limit(n)
                .map(
                        v ->
                                String.format(
                                        java.util.Locale.ROOT,
                                        "%s %.1f MiB",
                                        nameOf(vertices, v),
                                        size(tasks.get(v)) / 1048576.0))
                .toList();
    }

    private static long size(JsonNode task) {
        return task.path("state_size").asLong(task.path("checkpointed_size").asLong());
    }

    private static String nameOf(List<JsonNode> vertices, String id) {
        return vertices.stream()
                .filter(v -> v.path("id").asText().equals(id))
                .map(v -> v.path("name").asText().split(" -> ")[0])
                .findFirst()
                .orElse(id);
    }

    /** The first line of the exception that last failed the job, or "none". */
    String rootException() throws IOException, InterruptedException {
        JsonNode latest =
                get("/jobs/" + job + "/exceptions")
                        .path("exceptionHistory")
                        .path("entries")
                        .path(0);
        return latest.path("stacktrace").asText("none").lines().findFirst().orElse("none");
    }

    /** A TaskManager metric summed over the TaskManagers (one in a local environment). */
    double taskManagerMetric(String name) throws IOException, InterruptedException {
        double sum = 0;
        for (JsonNode tm : get("/taskmanagers").path("taskmanagers")) {
            for (JsonNode m :
                    get("/taskmanagers/" + tm.path("id").asText() + "/metrics?get=" + name)) {
                sum += m.path("value").asDouble();
            }
        }
        return sum;
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> reply =
                http.send(
                        HttpRequest.newBuilder(URI.create(base + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() != 200) {
            throw new IOException("GET " + path + " answered HTTP " + reply.statusCode());
        }
        return JSON.readTree(reply.body());
    }
}
