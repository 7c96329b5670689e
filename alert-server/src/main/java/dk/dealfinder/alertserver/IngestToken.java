package dk.dealfinder.alertserver;

import java.security.MessageDigest;

/**
 * The shared secret the Flink job presents. Compared as SHA-256 digests with {@link
 * MessageDigest#isEqual}, which takes the same time wherever the first difference is and, since
 * both digests have the same length, leaks nothing about the token's length either.
 */
final class IngestToken {

    private static final String SCHEME = "Bearer ";

    private final byte[] expectedDigest;

    IngestToken(String token) {
        this.expectedDigest = Sha256.of(token);
    }

    /** Whether an {@code Authorization} header value carries the token. */
    boolean admits(String authorization) {
        if (authorization == null
                || authorization.length() < SCHEME.length()
                || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return false;
        }
        String presented = authorization.substring(SCHEME.length()).trim();
        return MessageDigest.isEqual(expectedDigest, Sha256.of(presented));
    }

    @Override
    public String toString() {
        return "IngestToken[***]";
    }
}
