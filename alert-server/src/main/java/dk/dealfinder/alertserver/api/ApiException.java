package dk.dealfinder.alertserver.api;

import dk.dealfinder.core.query.FieldProblem;
import java.util.List;

/**
 * A request the API refuses, with the status and a body that says why. Handlers throw it; one
 * exception handler turns it into JSON.
 */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient List<FieldProblem> problems;

    public ApiException(int status, String message, List<FieldProblem> problems) {
        super(message);
        this.status = status;
        this.problems = List.copyOf(problems);
    }

    /** 400 naming one field and its problem. */
    public static ApiException badField(String field, String problem) {
        return new ApiException(
                400, field + ": " + problem, List.of(new FieldProblem(field, problem)));
    }

    /** 400 listing every problem found. */
    public static ApiException invalid(List<FieldProblem> problems) {
        return new ApiException(400, "invalid input", problems);
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, what + " not found", List.of());
    }

    public int status() {
        return status;
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
