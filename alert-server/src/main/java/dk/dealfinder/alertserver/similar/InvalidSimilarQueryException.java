package dk.dealfinder.alertserver.similar;

/**
 * A {@code /api/similar} request that cannot be answered as asked; its message goes to the caller.
 */
final class InvalidSimilarQueryException extends Exception {

    InvalidSimilarQueryException(String message) {
        super(message);
    }
}
