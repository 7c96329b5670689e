package dk.dealfinder.alertserver.dashboard;

import dk.dealfinder.alertserver.api.SavedQueryInput;
import dk.dealfinder.core.model.DigestSchedule;
import dk.dealfinder.core.model.ModelMode;
import dk.dealfinder.core.model.SavedQuery;
import dk.dealfinder.core.model.SellerType;
import dk.dealfinder.core.query.FieldProblem;
import dk.dealfinder.core.query.SavedQueryRules;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A saved query as the preferences form holds it: every field as the user typed it, so a form with
 * problems comes back exactly as sent. Parsing goes through {@link SavedQueryInput} (the API's
 * defaults) and {@link SavedQueryRules} (the API's checks), so the form and the API agree.
 */
record QueryForm(Map<String, String> values) {

    static final List<String> FIELDS =
            List.of(
                    "name",
                    "terms",
                    "site",
                    "minPrice",
                    "maxPrice",
                    "includeKeywords",
                    "excludeKeywords",
                    "keywordExpression",
                    "maxAgeDays",
                    "postcodes",
                    "nearPostcode",
                    "radiusKm",
                    "sellerType",
                    "modelMode",
                    "alertThreshold",
                    "digest",
                    "instantAlerts",
                    "active");

    private static final int MAX_FIELD_CHARS = 2000;

    /** A parsed form: the query, or the problems that kept it from being one. */
    record Parsed(SavedQuery query, List<FieldProblem> problems) {}

    /** An empty form with the defaults a new query gets. */
    static QueryForm blank() {
        Map<String, String> values = new HashMap<>();
        values.put("site", SavedQuery.DEFAULT_SITE);
        values.put("sellerType", SellerType.ANY.name());
        values.put("alertThreshold", number(SavedQuery.DEFAULT_ALERT_THRESHOLD));
        values.put("digest", DigestSchedule.DAILY.name());
        values.put("instantAlerts", "on");
        values.put("active", "on");
        return new QueryForm(values);
    }

    static QueryForm of(SavedQuery q) {
        Map<String, String> values = new HashMap<>();
        values.put("name", q.name());
        values.put("terms", q.terms());
        values.put("site", q.site());
        values.put("minPrice", q.minPrice() == null ? "" : q.minPrice().toString());
        values.put("maxPrice", q.maxPrice() == null ? "" : q.maxPrice().toString());
        values.put("includeKeywords", String.join(", ", q.includeKeywords()));
        values.put("excludeKeywords", String.join(", ", q.excludeKeywords()));
        values.put("keywordExpression", q.keywordExpression());
        values.put("maxAgeDays", q.maxAgeDays() == null ? "" : q.maxAgeDays().toString());
        values.put("postcodes", String.join(", ", q.area().postcodes()));
        values.put("nearPostcode", q.area().nearPostcode() == null ? "" : q.area().nearPostcode());
        values.put("radiusKm", q.area().radiusKm() == null ? "" : q.area().radiusKm().toString());
        values.put("sellerType", q.sellerType().name());
        values.put("modelMode", q.modelMode() == null ? "" : q.modelMode().name());
        values.put("alertThreshold", number(q.alertThreshold()));
        values.put("digest", q.digest().name());
        values.put("instantAlerts", q.instantAlerts() ? "on" : "");
        values.put("active", q.active() ? "on" : "");
        return new QueryForm(values);
    }

    static QueryForm of(Context ctx) {
        Map<String, String> values = new HashMap<>();
        for (String field : FIELDS) {
            String value = ctx.formParam(field);
            if (value != null) {
                values.put(
                        field,
                        value.length() > MAX_FIELD_CHARS
                                ? value.substring(0, MAX_FIELD_CHARS)
                                : value);
            }
        }
        return new QueryForm(values);
    }

    /**
     * The same form, paused or resumed. Pausing goes through the form so that the stored query
     * round-trips field by field, whatever else it holds.
     */
    QueryForm withActive(boolean active) {
        Map<String, String> changed = new HashMap<>(values);
        changed.put("active", active ? "on" : "");
        return new QueryForm(changed);
    }

    String value(String field) {
        return values.getOrDefault(field, "");
    }

    boolean checked(String field) {
        return !value(field).isEmpty();
    }

    /** The query with this id and owner, checked as the API checks it. */
    Parsed parse(String id, String owner, Collection<String> sites) {
        List<FieldProblem> problems = new ArrayList<>();
        SavedQueryInput input =
                new SavedQueryInput(
                        null,
                        value("name"),
                        value("terms"),
                        value("site").isBlank() ? null : value("site").strip(),
                        parsed(problems, "minPrice", Long::valueOf, "a whole number of kroner"),
                        parsed(problems, "maxPrice", Long::valueOf, "a whole number of kroner"),
                        words(value("includeKeywords")),
                        words(value("excludeKeywords")),
                        value("keywordExpression"),
                        parsed(problems, "maxAgeDays", Integer::valueOf, "a whole number of days"),
                        words(value("postcodes")),
                        value("nearPostcode"),
                        parsed(problems, "radiusKm", Integer::valueOf, "a whole number of km"),
                        parsed(problems, "sellerType", SellerType::valueOf, "one of the choices"),
                        parsed(problems, "modelMode", ModelMode::valueOf, "one of the choices"),
                        parsed(problems, "alertThreshold", QueryForm::decimal, "a number 0–100"),
                        parsed(problems, "digest", DigestSchedule::valueOf, "one of the choices"),
                        checked("instantAlerts"),
                        checked("active"));
        SavedQuery query = input.toSavedQuery(id, owner);
        problems.addAll(SavedQueryRules.check(query, sites));
        return new Parsed(query, List.copyOf(problems));
    }

    /** {@code includeKeywords[2]} is shown next to the includeKeywords field. */
    static String fieldOf(FieldProblem problem) {
        int bracket = problem.field().indexOf('[');
        return bracket < 0 ? problem.field() : problem.field().substring(0, bracket);
    }

    private <T> T parsed(
            List<FieldProblem> problems, String field, Function<String, T> parse, String expected) {
        String text = value(field).strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return parse.apply(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, "must be " + expected + ", got '" + text + "'"));
            return null;
        }
    }

    /** Comma-separated words; blanks between commas are dropped. */
    private static List<String> words(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(w -> !w.isEmpty()).toList();
    }

    private static Double decimal(String text) {
        return Double.valueOf(text.replace(',', '.'));
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
