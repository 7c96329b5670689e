package dk.dealfinder.alertserver.web;

/**
 * Escaping for text placed in HTML. Every value that did not come from our own source code goes
 * through {@link #escape} before it reaches a page: listing titles are written by strangers.
 */
public final class Html {

    private Html() {}

    /** Escapes text for an element body or a double- or single-quoted attribute value. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement =
                    switch (c) {
                        case '&' -> "&amp;";
                        case '<' -> "&lt;";
                        case '>' -> "&gt;";
                        case '"' -> "&quot;";
                        case '\'' -> "&#39;";
                        case '`' -> "&#96;";
                        default -> null;
                    };
            if (replacement != null) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append(replacement);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}
