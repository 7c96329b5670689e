package dk.dealfinder.core.model;

/**
 * Input that could not be processed, kept instead of failing the job or dropping it silently.
 *
 * @param stage the stage that rejected it ("normalize", "scrape", …)
 * @param source where it came from (a URL or a listing key)
 * @param reason what was wrong, in a sentence
 * @param snippet the first few hundred characters of the offending input
 * @param at epoch millis
 */
public record DeadLetter(String stage, String source, String reason, String snippet, long at) {

    private static final int SNIPPET_LENGTH = 300;

    public static DeadLetter of(String stage, String source, String reason, String input, long at) {
        String snippet =
                input == null
                        ? ""
                        : input.length() <= SNIPPET_LENGTH
                                ? input
                                : input.substring(0, SNIPPET_LENGTH);
        return new DeadLetter(stage, source, reason, snippet, at);
    }
}
