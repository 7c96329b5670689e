package dk.dealfinder.job.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/** Reads the repository's deployment files (docker/, k8s/) as plain YAML trees. */
final class Manifests {

    static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    private Manifests() {}

    static Map<String, Object> yaml(Path file) {
        try {
            return new Yaml().load(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every document of every YAML file below {@code dir}, except kustomizations. */
    static List<Map<String, Object>> k8sResources(Path dir) {
        List<Map<String, Object>> docs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                if (f.getFileName().toString().equals("kustomization.yaml")) {
                    continue;
                }
                for (Object doc : new Yaml().loadAll(Files.readString(f))) {
                    if (doc != null) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> map = (Map<String, Object>) doc;
                        map.put("__file", ROOT.relativize(f).toString());
                        docs.add(map);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return docs;
    }

    /** Follows a dotted path of map keys; null when any step is missing. */
    @SuppressWarnings("unchecked")
    static <T> T at(Object node, String path) {
        Object current = node;
        for (String key : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return (T) current;
    }

    static String kindAndName(Map<String, Object> doc) {
        return doc.get("kind") + "/" + at(doc, "metadata.name");
    }

    /** Every value stored under {@code key} anywhere in the tree. */
    static List<Object> findAll(Object node, String key) {
        List<Object> found = new ArrayList<>();
        collect(node, key, found);
        return found;
    }

    private static void collect(Object node, String key, List<Object> found) {
        if (node instanceof Map<?, ?> map) {
            map.forEach(
                    (k, v) -> {
                        if (Objects.equals(k, key)) {
                            found.add(v);
                        }
                        collect(v, key, found);
                    });
        } else if (node instanceof List<?> list) {
            list.forEach(v -> collect(v, key, found));
        }
    }
}
