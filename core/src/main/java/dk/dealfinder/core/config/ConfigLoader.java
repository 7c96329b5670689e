package dk.dealfinder.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Loads the one configuration file: the user's YAML is laid over the bundled defaults, {@code
 * ${ENV}} references are substituted, the result is bound to {@link DealfinderConfig} and
 * validated. Every problem found is reported at once, each naming its key.
 */
public final class ConfigLoader {

    static final String DEFAULTS = "dealfinder-defaults.yaml";

    private final ObjectMapper yaml;
    private final Function<String, String> environment;

    public ConfigLoader(Function<String, String> environment) {
        this.environment = environment;
        this.yaml =
                new ObjectMapper(new YAMLFactory())
                        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                        .registerModule(
                                new SimpleModule()
                                        .addDeserializer(
                                                Duration.class, new DurationDeserializer()));
    }

    /** A loader that reads the process environment. */
    public static ConfigLoader fromEnvironment() {
        return new ConfigLoader(System::getenv);
    }

    /** The bundled defaults alone: what {@code demo} runs on. */
    public DealfinderConfig defaults() {
        return bind(readDefaults());
    }

    public DealfinderConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException("config file " + file + " does not exist");
        } catch (IOException e) {
            throw new ConfigException("config file " + file + " cannot be read: " + e.getMessage());
        }
        return parse(text);
    }

    /** Parses YAML text laid over the defaults. */
    public DealfinderConfig parse(String yamlText) {
        JsonNode user;
        try {
            user = yaml.readTree(yamlText);
        } catch (JsonProcessingException e) {
            throw new ConfigException(
                    "not valid YAML: "
                            + e.getOriginalMessage()
                            + (e.getLocation() == null
                                    ? ""
                                    : " (line " + e.getLocation().getLineNr() + ")"));
        }
        ObjectNode merged = readDefaults();
        if (user != null && !user.isMissingNode() && !user.isNull()) {
            if (!user.isObject()) {
                throw new ConfigException(
                        "the config file must be a YAML mapping of keys to values");
            }
            merge(merged, (ObjectNode) user);
        }
        return bind(merged);
    }

    private DealfinderConfig bind(ObjectNode tree) {
        EnvSubstitution env = new EnvSubstitution(environment);
        substitute(tree, "", env);
        if (!env.problems().isEmpty()) {
            throw new ConfigException(env.problems());
        }
        DealfinderConfig config;
        try {
            config = yaml.treeToValue(tree, DealfinderConfig.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException(
                    path(e)
                            + ": unknown key (known keys here: "
                            + e.getKnownPropertyIds().stream()
                                    .map(String::valueOf)
                                    .sorted()
                                    .collect(Collectors.joining(", "))
                            + ")");
        } catch (JsonMappingException e) {
            throw new ConfigException(
                    path(e)
                            + ": "
                            + e.getOriginalMessage()
                                    .replaceAll("\\s*\\(for Object starting.*$", ""));
        } catch (JsonProcessingException e) {
            throw new ConfigException(e.getOriginalMessage());
        }
        List<String> problems = ConfigValidator.validate(config);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return config;
    }

    private ObjectNode readDefaults() {
        try (InputStream in = ConfigLoader.class.getClassLoader().getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULTS + " is missing from the classpath");
            }
            return (ObjectNode) yaml.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Lays {@code override} onto {@code base}: mappings merge key by key, anything else replaces.
     */
    private static void merge(ObjectNode base, ObjectNode override) {
        for (Iterator<Map.Entry<String, JsonNode>> it = override.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode existing = base.get(e.getKey());
            if (existing instanceof ObjectNode existingObject
                    && e.getValue() instanceof ObjectNode value
                    && !"sites".equals(e.getKey())) {
                merge(existingObject, value);
            } else {
                base.set(e.getKey(), e.getValue());
            }
        }
    }

    private static void substitute(JsonNode node, String path, EnvSubstitution env) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String childPath = path.isEmpty() ? name : path + "." + name;
                JsonNode child = object.get(name);
                if (child.isTextual()) {
                    object.set(name, new TextNode(env.substitute(childPath, child.textValue())));
                } else {
                    substitute(child, childPath, env);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                substitute(node.get(i), path + "[" + i + "]", env);
            }
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "(top level)" : sb.toString();
    }
}
