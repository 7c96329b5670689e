package dk.dealfinder.alertserver;

/** The Server-Sent Events wire format. */
final class SseFrames {

    private SseFrames() {}

    /** An event with an optional id; multi-line data becomes one {@code data:} line per line. */
    static String event(String name, String id, String data) {
        StringBuilder frame = new StringBuilder(data.length() + 64);
        if (id != null) {
            frame.append("id: ").append(id).append('\n');
        }
        frame.append("event: ").append(name).append('\n');
        if (data.indexOf('\n') < 0 && data.indexOf('\r') < 0) {
            // Compact JSON, the usual case: one line, no splitting.
            frame.append("data: ").append(data).append('\n');
        } else {
            // A newline inside data would end the field early; SSE rejoins data lines with '\n'.
            for (String line : data.split("\r\n|\r|\n", -1)) {
                frame.append("data: ").append(line).append('\n');
            }
        }
        return frame.append('\n').toString();
    }

    static String comment(String text) {
        return ": " + text + "\n\n";
    }
}
