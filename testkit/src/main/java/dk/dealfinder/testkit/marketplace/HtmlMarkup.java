package dk.dealfinder.testkit.marketplace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes seller text into HTML safely. Titles on the marketplace may contain markup on purpose, so
 * a scraper that forgets to unescape, or a UI that forgets to escape, shows up in tests.
 */
final class HtmlMarkup {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper SCRIPT_JSON = new ObjectMapper();

    static {
        SCRIPT_JSON.getFactory().setCharacterEscapes(new ScriptSafeEscapes());
    }

    private HtmlMarkup() {}

    /** Text for an element body or a quoted attribute value. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * JSON that can sit inside a {@code <script>} element: {@code <}, {@code >} and {@code &} are
     * written as unicode escapes, so a title holding {@code </script>} cannot end the element.
     */
    static String scriptJson(ObjectNode document) {
        try {
            return SCRIPT_JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    private static final class ScriptSafeEscapes extends CharacterEscapes {
        private final int[] table = standardAsciiEscapesForJSON();

        ScriptSafeEscapes() {
            table['<'] = ESCAPE_STANDARD;
            table['>'] = ESCAPE_STANDARD;
            table['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return table;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }
}
