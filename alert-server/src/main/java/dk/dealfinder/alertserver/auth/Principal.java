package dk.dealfinder.alertserver.auth;

/**
 * Who made a request and how.
 *
 * @param user the signed-in user
 * @param csrfToken the session's CSRF token when signed in by cookie, null for a bearer token
 * @param sessionHash hash of the session id when signed in by cookie, null for a bearer token
 */
public record Principal(User user, String csrfToken, String sessionHash) {

    public boolean viaCookie() {
        return sessionHash != null;
    }

    public String userId() {
        return user.id();
    }
}
