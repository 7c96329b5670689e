package dk.dealfinder.alertserver;

/** Bad ingest input, named down to the field so the sender can fix it without reading our logs. */
final class InvalidAlertException extends RuntimeException {

    private final String error;
    private final String field;
    private final String problem;

    InvalidAlertException(String error, String field, String problem) {
        super(error + " at '" + field + "': " + problem, null, false, false);
        this.error = error;
        this.field = field;
        this.problem = problem;
    }

    /** The JSON body of the 400 answer. */
    record Body(String error, String field, String problem) {}

    Body body() {
        return new Body(error, field, problem);
    }
}
