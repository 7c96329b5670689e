package dk.dealfinder.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${NAME}} and {@code ${NAME:-default}} in configuration values with environment
 * variables, so secrets stay out of the file. An unset variable without a default is a problem
 * reported with the key that referenced it.
 */
final class EnvSubstitution {

    private static final Pattern REFERENCE =
            Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    private final Function<String, String> environment;
    private final List<String> problems = new ArrayList<>();

    EnvSubstitution(Function<String, String> environment) {
        this.environment = environment;
    }

    String substitute(String keyPath, String value) {
        Matcher m = REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String resolved = environment.apply(name);
            if (resolved == null) {
                resolved = m.group(2);
            }
            if (resolved == null) {
                problems.add(keyPath + ": environment variable " + name + " is not set");
                resolved = "";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(resolved));
        }
        m.appendTail(out);
        return out.toString();
    }

    List<String> problems() {
        return problems;
    }
}
