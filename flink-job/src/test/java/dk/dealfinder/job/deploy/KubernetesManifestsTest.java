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
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Parses every manifest under k8s/ and checks required fields, names and cross-references. */
class KubernetesManifestsTest {

    private static final Path K8S = ROOT.resolve("k8s");
    private static final List<Map<String, Object>> RESOURCES = Manifests.k8sResources(K8S);

    private static List<Map<String, Object>> ofKind(String kind) {
        return RESOURCES.stream().filter(r -> kind.equals(r.get("kind"))).toList();
    }

    private static Set<String> names(String kind) {
        return ofKind(kind).stream()
                .map(r -> (String) at(r, "metadata.name"))
                .collect(Collectors.toSet());
    }

    @Test
    void everyResourceHasApiVersionKindAndName() {
        assertThat(RESOURCES)
                .isNotEmpty()
                .allSatisfy(
                        r -> {
                            assertThat(r.get("apiVersion"))
                                    .as(r.get("__file").toString())
                                    .isNotNull();
                            assertThat(r.get("kind")).as(r.get("__file").toString()).isNotNull();
                            assertThat((String) at(r, "metadata.name"))
                                    .as(r.get("__file").toString())
                                    .isNotBlank();
                        });
        assertThat(RESOURCES.stream().map(Manifests::kindAndName)).doesNotHaveDuplicates();
    }

    @Test
    void kustomizationsListFilesThatExistAndPatchResourcesThatExist() {
        for (String dir : List.of("base", "overlays/dev", "overlays/prod")) {
            Map<String, Object> k = Manifests.yaml(K8S.resolve(dir).resolve("kustomization.yaml"));
            for (Object resource : (List<?>) k.get("resources")) {
                assertThat(K8S.resolve(dir).resolve(resource.toString()))
                        .as("%s lists %s", dir, resource)
                        .exists();
            }
            for (Object patch : (List<?>) k.getOrDefault("patches", List.of())) {
                String kind = at(patch, "target.kind");
                String name = at(patch, "target.name");
                assertThat(names(kind)).as("%s patches %s/%s", dir, kind, name).contains(name);
            }
        }
        try (var files = Files.list(K8S.resolve("base"))) {
            List<?> listed =
                    (List<?>)
                            Manifests.yaml(K8S.resolve("base/kustomization.yaml")).get("resources");
            assertThat(
                            files.map(p -> p.getFileName().toString())
                                    .filter(n -> !n.equals("kustomization.yaml")))
                    .as("every base file is in the kustomization")
                    .allMatch(listed::contains);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void flinkRunsASessionClusterWithHaCheckpointsAndTheJobFromOurJar() throws Exception {
        Map<String, Object> deployment = ofKind("FlinkDeployment").get(0);
        assertThat(at(deployment, "spec.job") == null).as("session mode: no job section").isTrue();
        Map<String, Object> flinkConf = at(deployment, "spec.flinkConfiguration");
        assertThat(flinkConf)
                .containsEntry("high-availability.type", "kubernetes")
                .containsKeys(
                        "high-availability.storageDir",
                        "execution.checkpointing.dir",
                        "execution.checkpointing.savepoint-dir");
        assertThat(names("ServiceAccount"))
                .contains((String) at(deployment, "spec.serviceAccount"));

        Map<String, Object> sessionJob = ofKind("FlinkSessionJob").get(0);
        assertThat(names("FlinkDeployment"))
                .contains((String) at(sessionJob, "spec.deploymentName"));
        String jarUri = at(sessionJob, "spec.job.jarURI");
        assertThat(Files.readString(ROOT.resolve("docker/job/Dockerfile")))
                .contains(jarUri.replace("local://", ""));
        assertThat(Class.forName((String) at(sessionJob, "spec.job.entryClass"))).isNotNull();
        assertThat((List<Object>) at(sessionJob, "spec.job.args"))
                .contains("/opt/flink/conf-dealfinder/dealfinder.yaml");
    }

    @Test
    void servicesSelectPodsThatExistAndWorkloadsSelectTheirOwnPods() {
        List<Map<String, Object>> workloads =
                RESOURCES.stream()
                        .filter(r -> Set.of("Deployment", "StatefulSet").contains(r.get("kind")))
                        .toList();
        for (Map<String, Object> w : workloads) {
            Map<String, Object> selector = at(w, "spec.selector.matchLabels");
            Map<String, Object> labels = at(w, "spec.template.metadata.labels");
            assertThat(labels).as(Manifests.kindAndName(w)).containsAllEntriesOf(selector);
        }
        for (Map<String, Object> service : ofKind("Service")) {
            Map<String, Object> selector = at(service, "spec.selector");
            assertThat(workloads)
                    .as("a workload for %s", Manifests.kindAndName(service))
                    .anyMatch(
                            w ->
                                    ((Map<String, Object>) at(w, "spec.template.metadata.labels"))
                                            .entrySet()
                                            .containsAll(selector.entrySet()));
        }
        for (Map<String, Object> ingress : ofKind("Ingress")) {
            for (Object backend : Manifests.findAll(ingress, "service")) {
                assertThat(names("Service")).contains((String) at(backend, "name"));
            }
        }
    }

    @Test
    void secretsAndConfigMapsReferencedExistOrAreTheDocumentedSecret() throws Exception {
        Set<String> envExample = new HashSet<>();
        for (String line : Files.readAllLines(ROOT.resolve("docker/.env.example"))) {
            if (line.matches("[A-Z_]+=.*")) {
                envExample.add(line.substring(0, line.indexOf('=')));
            }
        }
        for (Object ref : Manifests.findAll(RESOURCES, "secretKeyRef")) {
            assertThat((String) at(ref, "name")).isEqualTo("dealfinder-secrets");
            assertThat(envExample).contains((String) at(ref, "key"));
        }
        for (Object ref : Manifests.findAll(RESOURCES, "configMap")) {
            assertThat(names("ConfigMap")).contains((String) at(ref, "name"));
        }
        for (Object claim : Manifests.findAll(RESOURCES, "persistentVolumeClaim")) {
            assertThat(names("PersistentVolumeClaim")).contains((String) at(claim, "claimName"));
        }
    }

    @Test
    void theAlertServerIsReplicatedAndProbedAndTritonGetsAGpu() {
        Map<String, Object> alerts =
                ofKind("Deployment").stream()
                        .filter(d -> "alert-server".equals(at(d, "metadata.name")))
                        .findFirst()
                        .orElseThrow();
        assertThat((Integer) at(alerts, "spec.replicas")).isGreaterThanOrEqualTo(2);
        Map<String, Object> container =
                ((List<Map<String, Object>>) at(alerts, "spec.template.spec.containers")).get(0);
        assertThat(container).containsKeys("livenessProbe", "readinessProbe", "resources");
        Map<String, Object> triton =
                ofKind("Deployment").stream()
                        .filter(d -> "triton".equals(at(d, "metadata.name")))
                        .findFirst()
                        .orElseThrow();
        assertThat(Manifests.findAll(triton, "nvidia.com/gpu")).containsExactly(1);
    }
}
