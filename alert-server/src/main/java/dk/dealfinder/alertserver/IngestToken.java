package dk.dealfinder.alertserver;

import dk.dealfinder.alertserver.auth.Secrets;

/**
 * The shared secret the Flink job presents. Compared as SHA-256 digests in constant time ({@link
 * Secrets#same}): the time does not depend on where the first difference is and, since both digests
 * have the same length, leaks nothing about the token's length either.
 */
final class IngestToken {

    private static final String SCHEME = "Bearer ";

    private final String expectedDigest;

    IngestToken(String token) {
        this.expectedDigest = Secrets.hash(token);
    }

    /** Whether an {@code Authorization} header value carries the token. */
    boolean admits(String authorization) {
        if (authorization == null
                || authorization.length() < SCHEME.length()
                || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return false;
        }
        String presented = authorization.substring(SCHEME.length()).trim();
        return Secrets.same(expectedDigest, Secrets.hash(presented));
    }

    @Override
    public String toString() {
        return "IngestToken[***]";
    }
}
