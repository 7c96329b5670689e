package dk.dealfinder.alertserver.dashboard;

import dk.dealfinder.alertserver.web.Html;
import java.util.Map;

/**
 * Labelled form controls for the preferences form, each with its hint and its problem (if any)
 * right below it, tied to the control with {@code aria-describedby} for screen readers.
 */
final class FormFields {

    private final QueryForm form;
    private final Map<String, String> errors;

    /**
     * @param errors problem text by field name
     */
    FormFields(QueryForm form, Map<String, String> errors) {
        this.form = form;
        this.errors = errors;
    }

    String text(String field, String label, String type, String hint) {
        String extra = type.equals("number") ? " inputmode=\"decimal\"" : "";
        return wrap(
                field,
                label,
                hint,
                "<input id=\"f-"
                        + field
                        + "\" name=\""
                        + field
                        + "\" type=\""
                        + (type.equals("number") ? "text" : type)
                        + "\""
                        + extra
                        + " value=\""
                        + Html.escape(form.value(field))
                        + "\""
                        + described(field, hint)
                        + ">");
    }

    String select(String field, String label, Map<String, String> choices) {
        StringBuilder options = new StringBuilder();
        choices.forEach(
                (value, text) ->
                        options.append(
                                SearchPage.option(value, text, value.equals(form.value(field)))));
        return wrap(
                field,
                label,
                null,
                "<select id=\"f-"
                        + field
                        + "\" name=\""
                        + field
                        + "\""
                        + described(field, null)
                        + ">"
                        + options
                        + "</select>");
    }

    String checkbox(String field, String label) {
        return "<div class=\"field check\"><input id=\"f-"
                + field
                + "\" name=\""
                + field
                + "\" type=\"checkbox\""
                + (form.checked(field) ? " checked" : "")
                + "><label for=\"f-"
                + field
                + "\">"
                + Html.escape(label)
                + "</label>"
                + error(field)
                + "</div>";
    }

    private String wrap(String field, String label, String hint, String control) {
        return "<div class=\"field"
                + (errors.containsKey(field) ? " invalid" : "")
                + "\"><label for=\"f-"
                + field
                + "\">"
                + Html.escape(label)
                + "</label>"
                + control
                + (hint == null
                        ? ""
                        : "<p class=\"hint\" id=\"f-"
                                + field
                                + "-hint\">"
                                + Html.escape(hint)
                                + "</p>")
                + error(field)
                + "</div>";
    }

    private String described(String field, String hint) {
        StringBuilder ids = new StringBuilder();
        if (hint != null) {
            ids.append("f-").append(field).append("-hint");
        }
        if (errors.containsKey(field)) {
            ids.append(ids.isEmpty() ? "" : " ").append("f-").append(field).append("-error");
        }
        String invalid = errors.containsKey(field) ? " aria-invalid=\"true\"" : "";
        return ids.isEmpty() ? invalid : invalid + " aria-describedby=\"" + ids + "\"";
    }

    private String error(String field) {
        String problem = errors.get(field);
        return problem == null
                ? ""
                : "<p class=\"field-error\" id=\"f-"
                        + field
                        + "-error\">"
                        + Html.escape(problem)
                        + "</p>";
    }
}
