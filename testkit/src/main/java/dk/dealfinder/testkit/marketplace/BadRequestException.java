package dk.dealfinder.testkit.marketplace;

/** A request the site answers with 400 and a short message, such as {@code page=abc}. */
final class BadRequestException extends RuntimeException {
    BadRequestException(String message) {
        super(message);
    }
}
