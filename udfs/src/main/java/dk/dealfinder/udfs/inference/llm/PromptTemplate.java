package dk.dealfinder.udfs.inference.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.flink.util.Preconditions;

/**
 * A versioned prompt, read from the resources {@code <version>.system.txt} and {@code
 * <version>.user.txt} next to this class. The version is part of every cache key and inference
 * record, so a changed prompt never reuses answers given to an older one: change the wording only
 * in a new version file.
 */
public record PromptTemplate(String version, String system, String user) {

    public static final String CURRENT = "classify-listings-v2";

    public static PromptTemplate load(String version) {
        return new PromptTemplate(
                version, read(version + ".system.txt"), read(version + ".user.txt"));
    }

    /** The user message with every {@code {{name}}} replaced; each name must occur. */
    public String render(Map<String, String> values) {
        String out = user;
        for (var e : values.entrySet()) {
            String placeholder = "{{" + e.getKey() + "}}";
            Preconditions.checkArgument(
                    out.contains(placeholder), "prompt %s has no %s", version, placeholder);
            out = out.replace(placeholder, e.getValue());
        }
        return out;
    }

    private static String read(String name) {
        try (InputStream in = PromptTemplate.class.getResourceAsStream(name)) {
            Preconditions.checkArgument(in != null, "no prompt resource %s", name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prompt " + name, e);
        }
    }
}
