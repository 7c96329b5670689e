package dk.dealfinder.core.query;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A saved query's keyword filter: words and "quoted phrases" combined with AND, OR, NOT and
 * parentheses, e.g. {@code iphone AND (pro OR max) AND NOT "revnet skærm"}. Adjacent terms without
 * an operator are ANDed; NOT binds tighter than AND, AND tighter than OR. Operators are recognised
 * in upper case only, so the Danish word "or" stays a word.
 *
 * <p>Terms match whole words, case-insensitively, anywhere in the text: {@code pro} matches "iPhone
 * Pro" but not "produkt". A phrase matches its words in sequence.
 */
public final class KeywordExpression implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Longer expressions are refused: a filter, not a program. */
    public static final int MAX_LENGTH = 500;

    private static final int MAX_DEPTH = 20;

    /** Matches everything. */
    public static final KeywordExpression EMPTY = new KeywordExpression("", null);

    private final String source;
    private final Node root;

    private KeywordExpression(String source, Node root) {
        this.source = source;
        this.root = root;
    }

    /**
     * Parses an expression; blank means no filter.
     *
     * @throws InvalidExpressionException naming the position and what was expected
     */
    public static KeywordExpression parse(String expression) {
        if (expression == null || expression.isBlank()) {
            return EMPTY;
        }
        if (expression.length() > MAX_LENGTH) {
            throw new InvalidExpressionException(
                    "is " + expression.length() + " characters long, at most " + MAX_LENGTH);
        }
        Parser parser = new Parser(tokenize(expression));
        Node root = parser.or(0);
        if (!parser.atEnd()) {
            throw parser.error("unexpected " + parser.peek().describe());
        }
        return new KeywordExpression(expression.strip(), root);
    }

    /** Whether the text satisfies the expression. */
    public boolean matches(String text) {
        return root == null || root.matches(normalize(text));
    }

    public boolean isEmpty() {
        return root == null;
    }

    @Override
    public String toString() {
        return source;
    }

    /** Lower case, words separated by single spaces, padded with a space at both ends. */
    static String normalize(String text) {
        StringBuilder out = new StringBuilder(text == null ? 2 : text.length() + 2).append(' ');
        boolean inWord = false;
        String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) {
                out.appendCodePoint(cp);
                inWord = true;
            } else if (inWord) {
                out.append(' ');
                inWord = false;
            }
            i += Character.charCount(cp);
        }
        if (inWord) {
            out.append(' ');
        }
        return out.toString();
    }

    /** Thrown for an expression that does not parse; the message says where and why. */
    public static final class InvalidExpressionException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        InvalidExpressionException(String message) {
            super(message);
        }
    }

    private enum Kind {
        WORD,
        AND,
        OR,
        NOT,
        OPEN,
        CLOSE
    }

    private record Token(Kind kind, String text, int position) {
        String describe() {
            return kind == Kind.WORD
                    ? "'" + text + "' at position " + position
                    : kind + " at position " + position;
        }
    }

    private static List<Token> tokenize(String s) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')') {
                tokens.add(new Token(c == '(' ? Kind.OPEN : Kind.CLOSE, String.valueOf(c), i + 1));
                i++;
            } else if (c == '"') {
                int end = s.indexOf('"', i + 1);
                if (end < 0) {
                    throw new InvalidExpressionException(
                            "the quote at position " + (i + 1) + " is never closed");
                }
                tokens.add(new Token(Kind.WORD, s.substring(i + 1, end), i + 1));
                i = end + 1;
            } else {
                int start = i;
                while (i < s.length()
                        && !Character.isWhitespace(s.charAt(i))
                        && "()\"".indexOf(s.charAt(i)) < 0) {
                    i++;
                }
                String word = s.substring(start, i);
                Kind kind =
                        switch (word) {
                            case "AND" -> Kind.AND;
                            case "OR" -> Kind.OR;
                            case "NOT" -> Kind.NOT;
                            default -> Kind.WORD;
                        };
                tokens.add(new Token(kind, word, start + 1));
            }
        }
        return tokens;
    }

    private static final class Parser {
        private final List<Token> tokens;
        private int next;

        Parser(List<Token> tokens) {
            this.tokens = tokens;
        }

        boolean atEnd() {
            return next >= tokens.size();
        }

        Token peek() {
            return tokens.get(next);
        }

        boolean accept(Kind kind) {
            if (!atEnd() && peek().kind() == kind) {
                next++;
                return true;
            }
            return false;
        }

        InvalidExpressionException error(String what) {
            return new InvalidExpressionException(what);
        }

        Node or(int depth) {
            List<Node> parts = new ArrayList<>(List.of(and(depth)));
            while (accept(Kind.OR)) {
                parts.add(and(depth));
            }
            return parts.size() == 1 ? parts.get(0) : new Or(parts);
        }

        Node and(int depth) {
            List<Node> parts = new ArrayList<>(List.of(not(depth)));
            while (!atEnd() && peek().kind() != Kind.OR && peek().kind() != Kind.CLOSE) {
                accept(Kind.AND);
                parts.add(not(depth));
            }
            return parts.size() == 1 ? parts.get(0) : new And(parts);
        }

        Node not(int depth) {
            if (accept(Kind.NOT)) {
                return new Not(not(depth));
            }
            return primary(depth);
        }

        Node primary(int depth) {
            if (atEnd()) {
                throw error("ends where a word, a \"phrase\" or '(' was expected");
            }
            Token t = peek();
            next++;
            switch (t.kind()) {
                case WORD -> {
                    String term = normalize(t.text());
                    if (term.isBlank()) {
                        throw error(
                                "the term " + t.describe() + " has no letters or digits to match");
                    }
                    return new Term(term);
                }
                case OPEN -> {
                    if (depth >= MAX_DEPTH) {
                        throw error("nests parentheses deeper than " + MAX_DEPTH);
                    }
                    Node inner = or(depth + 1);
                    if (!accept(Kind.CLOSE)) {
                        throw error("the '(' at position " + t.position() + " is never closed");
                    }
                    return inner;
                }
                default ->
                        throw error(
                                "expected a word, a \"phrase\" or '(' but found " + t.describe());
            }
        }
    }

    private interface Node extends Serializable {
        boolean matches(String normalizedText);
    }

    private record Term(String padded) implements Node {
        @Override
        public boolean matches(String normalizedText) {
            return normalizedText.contains(padded);
        }
    }

    private record Not(Node inner) implements Node {
        @Override
        public boolean matches(String normalizedText) {
            return !inner.matches(normalizedText);
        }
    }

    private record And(List<Node> parts) implements Node {
        @Override
        public boolean matches(String normalizedText) {
            return parts.stream().allMatch(p -> p.matches(normalizedText));
        }
    }

    private record Or(List<Node> parts) implements Node {
        @Override
        public boolean matches(String normalizedText) {
            return parts.stream().anyMatch(p -> p.matches(normalizedText));
        }
    }
}
