package dk.dealfinder.alertserver.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Text files shipped on the class path (the dashboard's assets, the Lua script). */
public final class ClasspathText {

    private ClasspathText() {}

    /** Reads a resource by absolute path, such as {@code /static/dashboard.css}, as UTF-8. */
    public static String read(String name) {
        try (InputStream in = ClasspathText.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
