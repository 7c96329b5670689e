package dk.dealfinder.core.query;

/**
 * One thing wrong with an input, named by the field it is in.
 *
 * @param field the field's name as the caller wrote it, e.g. {@code maxPrice} or {@code
 *     postcodes[2]}
 * @param problem what is wrong, in words a user can act on
 */
public record FieldProblem(String field, String problem) {

    @Override
    public String toString() {
        return field + ": " + problem;
    }
}
