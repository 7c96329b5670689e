package dk.dealfinder.alertserver.dashboard;

import dk.dealfinder.alertserver.auth.Principal;
import dk.dealfinder.alertserver.web.Html;
import dk.dealfinder.core.model.DigestSchedule;
import dk.dealfinder.core.model.ModelMode;
import dk.dealfinder.core.model.SavedQuery;
import dk.dealfinder.core.model.SellerType;
import dk.dealfinder.core.query.FieldProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code GET /preferences}: the user's saved queries with pause and delete, and the form that
 * creates or edits one, with every field of a saved query and each problem next to its field.
 */
final class PreferencesPage {

    private static final Map<String, String> MODELS =
            ordered(
                    "",
                    "Jobbets standard",
                    ModelMode.LOCAL.name(),
                    "Lokal model (gratis, privat)",
                    ModelMode.AUTO.name(),
                    "Auto (lokal, LLM ved tvivl)",
                    ModelMode.LLM.name(),
                    "LLM for alle annoncer",
                    ModelMode.CLIP.name(),
                    "CLIP (vurderer første billede)");
    private static final Map<String, String> SELLERS =
            ordered(
                    SellerType.ANY.name(), "Alle",
                    SellerType.PRIVATE.name(), "Private",
                    SellerType.DEALER.name(), "Forhandlere");
    private static final Map<String, String> DIGESTS =
            ordered(
                    DigestSchedule.OFF.name(), "Ingen",
                    DigestSchedule.HOURLY.name(), "Hver time",
                    DigestSchedule.DAILY.name(), "Dagligt");

    private final List<String> sites;

    PreferencesPage(List<String> sites) {
        this.sites = sites;
    }

    /**
     * @param editing the id of the query the form edits, null for a new one
     * @param notice a confirmation to show above the list, or null
     */
    String main(
            Principal caller,
            List<SavedQuery> queries,
            QueryForm form,
            String editing,
            List<FieldProblem> problems,
            String notice) {
        String action =
                editing == null
                        ? "/preferences/queries"
                        : "/preferences/queries/" + WebLinks.pathSegment(editing);
        return """
        <div class="preferences">
        <section aria-labelledby="queries-heading">
        <h1 id="queries-heading">Dine søgeagenter</h1>
        %s
        %s
        </section>
        <section aria-labelledby="form-heading">
        <h2 id="form-heading">%s</h2>
        %s
        <form method="post" action="%s" class="query-form" novalidate>
        %s
        %s
        <div class="form-actions">
        <button type="submit">%s</button>
        %s
        </div>
        </form>
        </section>
        </div>
        """
                .formatted(
                        notice == null
                                ? ""
                                : "<p class=\"notice\" role=\"status\">"
                                        + Html.escape(notice)
                                        + "</p>",
                        list(caller, queries),
                        editing == null ? "Ny søgeagent" : "Rediger søgeagent",
                        problems.isEmpty()
                                ? ""
                                : "<p class=\"error\" role=\"alert\">Ret de markerede felter.</p>",
                        Html.escape(action),
                        Layout.csrfField(caller),
                        fields(form, problems),
                        editing == null ? "Opret søgeagent" : "Gem ændringer",
                        editing == null ? "" : "<a href=\"/preferences\">Annuller</a>");
    }

    private static String list(Principal caller, List<SavedQuery> queries) {
        if (queries.isEmpty()) {
            return "<p class=\"empty\">Du har ingen søgeagenter endnu. Opret den første"
                    + " herunder.</p>";
        }
        StringBuilder html = new StringBuilder("<ul class=\"queries\">");
        for (SavedQuery q : queries) {
            String base = Html.escape("/preferences/queries/" + WebLinks.pathSegment(q.id()));
            html.append(
                    """
                    <li class="query%s">
                    <div><strong>%s</strong> %s<br>
                    <span class="sub">%s på %s · %s · tærskel %s · %s · samlet: %s · %s</span></div>
                    <div class="query-actions">
                    <a href="%s">Rediger</a>
                    <form method="post" action="%s/active">%s
                    <input type="hidden" name="active" value="%s">
                    <button type="submit">%s</button></form>
                    <form method="post" action="%s/delete">%s
                    <button type="submit" class="danger">Slet <span class="visually-hidden">%s</span></button></form>
                    </div>
                    </li>
                    """
                            .formatted(
                                    q.active() ? "" : " paused",
                                    Html.escape(q.name()),
                                    q.active() ? "" : "<span class=\"tag\">Sat på pause</span>",
                                    Html.escape(q.terms()),
                                    Html.escape(q.site()),
                                    Html.escape(priceRange(q)),
                                    DanishFormats.score(q.alertThreshold()),
                                    Html.escape(
                                            MODELS.get(
                                                    q.modelMode() == null
                                                            ? ""
                                                            : q.modelMode().name())),
                                    Html.escape(DIGESTS.get(q.digest().name())),
                                    q.instantAlerts() ? "straks-alarmer" : "ingen straks-alarmer",
                                    base,
                                    base,
                                    Layout.csrfField(caller),
                                    !q.active(),
                                    q.active() ? "Sæt på pause" : "Genoptag",
                                    base,
                                    Layout.csrfField(caller),
                                    Html.escape(q.name())));
        }
        return html.append("</ul>").toString();
    }

    private String fields(QueryForm form, List<FieldProblem> problems) {
        Map<String, String> errors =
                problems.stream()
                        .collect(
                                Collectors.toMap(
                                        QueryForm::fieldOf,
                                        FieldProblem::problem,
                                        (a, b) -> a + "; " + b));
        FormFields f = new FormFields(form, errors);
        Map<String, String> siteChoices = new LinkedHashMap<>();
        sites.stream().sorted().forEach(s -> siteChoices.put(s, s));
        return String.join(
                "\n",
                "<fieldset><legend>Søgning</legend>",
                f.text("name", "Navn", "text", "Hvad du kalder søgningen"),
                f.text("terms", "Søgeord", "text", "Sendes til markedspladsen"),
                f.select("site", "Markedsplads", siteChoices),
                f.text("minPrice", "Mindste pris (kr.)", "number", null),
                f.text("maxPrice", "Højeste pris (kr.)", "number", null),
                "</fieldset><fieldset><legend>Nøgleord</legend>",
                f.text(
                        "includeKeywords",
                        "Skal indeholde",
                        "text",
                        "Kommasepareret, alle skal med"),
                f.text("excludeKeywords", "Må ikke indeholde", "text", "Kommasepareret"),
                f.text(
                        "keywordExpression",
                        "Udtryk",
                        "text",
                        "Fx iphone AND (pro OR max) AND NOT revnet"),
                "</fieldset><fieldset><legend>Sted, alder og sælger</legend>",
                f.text("maxAgeDays", "Højst så mange dage gammel", "number", null),
                f.text("postcodes", "Postnumre", "text", "Kommasepareret, fx 2100, 8000"),
                f.text("nearPostcode", "Nær postnummer", "text", null),
                f.text("radiusKm", "Radius (km)", "number", "Sammen med nær postnummer"),
                f.select("sellerType", "Sælger", SELLERS),
                "</fieldset><fieldset><legend>Vurdering og beskeder</legend>",
                f.select("modelMode", "Model", MODELS),
                f.text("alertThreshold", "Alarmtærskel (deal score 0–100)", "number", null),
                f.select("digest", "Opsamling", DIGESTS),
                f.checkbox("instantAlerts", "Send alarm med det samme"),
                f.checkbox("active", "Aktiv"),
                "</fieldset>");
    }

    private static String priceRange(SavedQuery q) {
        if (q.minPrice() == null && q.maxPrice() == null) {
            return "alle priser";
        }
        if (q.minPrice() == null) {
            return "højst " + DanishFormats.price(q.maxPrice(), "DKK");
        }
        if (q.maxPrice() == null) {
            return "mindst " + DanishFormats.price(q.minPrice(), "DKK");
        }
        return DanishFormats.price(q.minPrice(), "DKK")
                + "–"
                + DanishFormats.price(q.maxPrice(), "DKK");
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
