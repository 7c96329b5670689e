package dk.dealfinder.core.config;

import java.util.List;

/** A configuration that cannot be used; the message names every offending key and its problem. */
public final class ConfigException extends RuntimeException {

    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super("invalid configuration:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public ConfigException(String problem) {
        this(List.of(problem));
    }

    /** Each problem as {@code key.path: what is wrong}. */
    public List<String> problems() {
        return problems;
    }
}
