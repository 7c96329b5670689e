package dk.dealfinder.job.deploy;

import static dk.dealfinder.job.deploy.Manifests.ROOT;
import static dk.dealfinder.job.deploy.Manifests.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No Docker engine runs here, so the compose stack is checked the way a reviewer would: every
 * service the README promises exists with its port, every mounted file exists, every named volume
 * is declared, every secret it reads is listed in .env.example, and the images agree with the
 * Dockerfiles.
 */
class ComposeStackTest {

    private static final Path DOCKER = ROOT.resolve("docker");
    private static final Map<String, Object> COMPOSE =
            Manifests.yaml(DOCKER.resolve("compose.yaml"));

    private static Map<String, Object> service(String name) {
        Map<String, Object> service = at(COMPOSE, "services." + name);
        assertThat(service).as("service %s", name).isNotNull();
        return service;
    }

    @Test
    void everyServiceAndPortTheReadmeListsIsInTheStack() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));
        String section = readme.substring(readme.indexOf("### docker compose"));
        section = section.substring(0, section.indexOf("\n### ", 5));
        Matcher row = Pattern.compile("(?m)^\\| ([a-z-]+) \\| ([^|]+) \\|").matcher(section);
        int rows = 0;
        while (row.find()) {
            if (row.group(1).equals("service")) {
                continue;
            }
            rows++;
            List<Object> ports =
                    (List<Object>) service(row.group(1)).getOrDefault("ports", List.of());
            Matcher port = Pattern.compile("(?<!\\()\\b(\\d{4})\\b").matcher(row.group(2));
            while (port.find()) {
                String p = port.group(1);
                assertThat(ports)
                        .as("%s publishes %s", row.group(1), p)
                        .anyMatch(published -> published.toString().startsWith(p + ":"));
            }
        }
        assertThat(rows).as("services listed in the README").isGreaterThanOrEqualTo(10);
        assertThat(service("taskmanager").get("command")).isEqualTo("taskmanager");
        assertThat((List<Object>) service("triton").get("profiles")).containsExactly("gpu");
    }

    @Test
    void mountedFilesExistAndNamedVolumesAreDeclared() {
        Map<String, Object> declared = at(COMPOSE, "volumes");
        Map<String, Map<String, Object>> services = at(COMPOSE, "services");
        services.forEach(
                (name, service) -> {
                    List<?> volumes = (List<?>) service.getOrDefault("volumes", List.of());
                    for (Object v : volumes) {
                        String source = v.toString().split(":")[0];
                        if (source.startsWith("./")) {
                            if (!name.equals("triton")) {
                                assertThat(DOCKER.resolve(source))
                                        .as("%s mounts %s", name, source)
                                        .exists();
                            }
                        } else {
                            assertThat(declared)
                                    .as("%s uses volume %s", name, source)
                                    .containsKey(source);
                        }
                    }
                });
    }

    @Test
    void imagesAreBuiltFromDockerfilesThatExist() {
        for (String name : List.of("jobmanager", "taskmanager", "job-submit", "alert-server")) {
            Map<String, Object> build = at(service(name), "build");
            assertThat(build).as("%s builds its image", name).isNotNull();
            assertThat(
                            DOCKER.resolve(build.get("context").toString())
                                    .resolve(build.get("dockerfile").toString()))
                    .exists();
        }
        assertThat(service("jobmanager").get("image"))
                .isEqualTo(service("taskmanager").get("image"));
    }

    @Test
    void everyFileTheDockerfilesCopyFromTheRepositoryExists() throws Exception {
        for (String image : List.of("job", "alert-server")) {
            for (String line : Files.readAllLines(DOCKER.resolve(image).resolve("Dockerfile"))) {
                if (line.startsWith("COPY ") && !line.contains("--from=")) {
                    String source = line.split("\\s+")[1];
                    assertThat(ROOT.resolve(source))
                            .as("%s image copies %s", image, source)
                            .exists();
                }
            }
        }
    }

    @Test
    void theSubmittedJarIsWhereTheJobImagePutsIt() throws Exception {
        String dockerfile = Files.readString(DOCKER.resolve("job/Dockerfile"));
        List<Object> command = (List<Object>) service("job-submit").get("command");
        String jar =
                command.stream()
                        .map(Object::toString)
                        .filter(a -> a.endsWith(".jar"))
                        .findFirst()
                        .orElseThrow();
        assertThat(dockerfile).contains(jar).contains("FROM flink:2.2-java17");
        assertThat(command).contains("/opt/flink/conf-dealfinder/dealfinder.yaml");
        assertThat(Files.readString(DOCKER.resolve("config/dealfinder.yaml")))
                .doesNotContainPattern("password: [^$]");
    }

    @Test
    void everySecretTheStackReadsIsListedInEnvExample() throws Exception {
        Set<String> listed = new HashSet<>();
        for (String line : Files.readAllLines(DOCKER.resolve(".env.example"))) {
            if (line.matches("[A-Z_]+=.*")) {
                listed.add(line.substring(0, line.indexOf('=')));
            }
        }
        Set<String> referenced = new HashSet<>();
        Matcher m =
                Pattern.compile("\\$\\{([A-Z_]+)")
                        .matcher(
                                Files.readString(DOCKER.resolve("compose.yaml"))
                                        + Files.readString(
                                                DOCKER.resolve("config/dealfinder.yaml")));
        while (m.find()) {
            referenced.add(m.group(1));
        }
        assertThat(listed).containsAll(referenced);
    }

    @Test
    void prometheusScrapesTheFlinkReporterPortTheImageEnables() throws Exception {
        assertThat(Files.readString(DOCKER.resolve("config/flink-conf-overrides.yaml")))
                .contains("metrics.reporter.prom.port: 9249");
        assertThat(Files.readString(DOCKER.resolve("prometheus/prometheus.yml")))
                .contains("jobmanager:9249")
                .contains("taskmanager:9249")
                .contains("alert-server:7070");
        assertThat(DOCKER.resolve("grafana/dashboards/dealfinder.json")).exists();
    }
}
