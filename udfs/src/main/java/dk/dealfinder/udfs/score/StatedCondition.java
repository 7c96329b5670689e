package dk.dealfinder.udfs.score;

import dk.dealfinder.core.model.Listing;
import java.util.List;
import java.util.Locale;

/**
 * The condition a Danish listing states, graded 0..1: the site's condition field when the item page
 * gave one, else the title or description, where sellers write it; the first phrase found, most
 * specific first, decides.
 */
final class StatedCondition {

    /** What a listing that says nothing about its condition gets. */
    static final double UNSTATED = 0.5;

    private record Grade(String phrase, double value) {}

    private static final List<Grade> GRADES =
            List.of(
                    new Grade("aldrig brugt", 1.0),
                    new Grade("ubrugt", 1.0),
                    new Grade("uåbnet", 1.0),
                    new Grade("ny i æske", 1.0),
                    new Grade("som ny", 0.9),
                    new Grade("næsten ny", 0.9),
                    new Grade("rigtig pæn", 0.8),
                    new Grade("pæn stand", 0.75),
                    new Grade("god stand", 0.75),
                    new Grade("velholdt", 0.75),
                    new Grade("okay stand", 0.55),
                    new Grade("brugsspor", 0.4),
                    new Grade("ridser", 0.35),
                    new Grade("slidt", 0.3),
                    new Grade("defekt", 0.1),
                    new Grade("virker ikke", 0.1));

    private StatedCondition() {}

    /**
     * The grade of the site's condition field ("Ny" is new), or, when the field is missing or says
     * no more than a bare "Brugt", of the first condition phrase in the listing's text, or {@link
     * #UNSTATED}.
     */
    static double of(Listing listing) {
        String field = listing.condition();
        if (field != null && !field.isBlank()) {
            String lower = field.strip().toLowerCase(Locale.ROOT);
            if (lower.equals("ny")) {
                return 1.0;
            }
            double graded = of(lower);
            if (graded != UNSTATED) {
                return graded;
            }
        }
        return of(listing.text());
    }

    /** The grade of the first condition phrase in {@code text}, or {@link #UNSTATED}. */
    static double of(String text) {
        String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
        for (Grade g : GRADES) {
            if (lower.contains(g.phrase())) {
                return g.value();
            }
        }
        return UNSTATED;
    }
}
