package dk.dealfinder.alertserver.dashboard;

import dk.dealfinder.alertserver.listings.AlertView;
import dk.dealfinder.alertserver.listings.ListingSearch;
import dk.dealfinder.alertserver.listings.ListingSummary;
import dk.dealfinder.alertserver.listings.Page;
import dk.dealfinder.alertserver.web.Html;
import dk.dealfinder.core.model.SavedQuery;
import dk.dealfinder.core.model.Verdict;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code GET /}: the live query box and the filters sidebar above a paginated grid, with the top
 * deals and the alert history beside it, and the (empty until a card is clicked) detail panel.
 */
final class SearchPage {

    private static final Map<ListingSearch.Sort, String> SORTS =
            Map.of(
                    ListingSearch.Sort.NEWEST, "Nyeste først",
                    ListingSearch.Sort.PRICE_ASC, "Laveste pris",
                    ListingSearch.Sort.PRICE_DESC, "Højeste pris",
                    ListingSearch.Sort.SCORE, "Bedste deal score");

    private final List<String> sites;

    SearchPage(List<String> sites) {
        this.sites = sites;
    }

    /** What the page shows besides the grid. */
    record Sidebars(
            List<SavedQuery> queries,
            List<ListingSummary> topDeals,
            List<ListingSummary> favourites,
            Page<AlertView> alerts) {}

    String main(SearchForm form, Page<ListingSummary> results, Sidebars sidebars) {
        return """
        <div class="layout">
        <form id="search" class="filters" action="/" method="get" role="search"
              hx-get="/" hx-target="#results" hx-push-url="true"
              hx-trigger="submit, change from:#filters">
        <label for="q">Søg i annoncer</label>
        <input id="q" name="q" type="search" value="%s" placeholder="fx racercykel"
               autocomplete="off" hx-get="/" hx-target="#results" hx-push-url="true"
               hx-include="#search" hx-trigger="input changed delay:500ms, search">
        <details class="filter-toggle" open%s>
        <summary>Filtre og AI-filtre</summary>
        <div id="filters">
        <fieldset>
        <legend>Filtre</legend>
        <label for="minPrice">Mindste pris (kr.)</label>
        <input id="minPrice" name="minPrice" type="number" min="0" step="1" inputmode="numeric" value="%s">
        <label for="maxPrice">Højeste pris (kr.)</label>
        <input id="maxPrice" name="maxPrice" type="number" min="0" step="1" inputmode="numeric" value="%s">
        <label for="site">Markedsplads</label>
        <select id="site" name="site">%s</select>
        <label for="sort">Sortering</label>
        <select id="sort" name="sort">%s</select>
        </fieldset>
        <fieldset>
        <legend>AI-filtre</legend>
        <label for="verdict">Vurdering</label>
        <select id="verdict" name="verdict">%s</select>
        <label for="minScore">Mindste deal score (0–100)</label>
        <input id="minScore" name="minScore" type="number" min="0" max="100" step="1" value="%s">
        <label for="query">Søgeagent</label>
        <select id="query" name="query">%s</select>
        </fieldset>
        </div>
        </details>
        <button type="submit">Søg</button>
        </form>
        <section class="results-column" aria-labelledby="results-heading">
        <h2 id="results-heading" class="visually-hidden">Resultater</h2>
        <div id="results" aria-live="polite">
        %s
        </div>
        </section>
        <aside id="detail" class="detail" aria-label="Annonce"></aside>
        <aside class="side">
        <section aria-labelledby="top-heading">
        <h2 id="top-heading">Ugens bedste tilbud</h2>
        %s
        </section>
        <section aria-labelledby="favourites-heading">
        <h2 id="favourites-heading">Dine favoritter</h2>
        %s
        </section>
        <section aria-labelledby="history-heading">
        <h2 id="history-heading">Seneste alarmer</h2>
        %s
        </section>
        </aside>
        </div>
        """
                .formatted(
                        Html.escape(form.value(SearchForm.TEXT)),
                        form.filtered() ? "" : " data-fold-on-phone",
                        Html.escape(form.value(SearchForm.MIN_PRICE)),
                        Html.escape(form.value(SearchForm.MAX_PRICE)),
                        options(
                                form.value(SearchForm.SITE),
                                "Alle",
                                sites.stream().collect(Collectors.toMap(s -> s, s -> s))),
                        sortOptions(form.value(SearchForm.SORT)),
                        options(
                                form.value(SearchForm.VERDICT),
                                "Alle",
                                Arrays.stream(Verdict.values())
                                        .collect(Collectors.toMap(Verdict::name, Verdict::name))),
                        Html.escape(form.value(SearchForm.MIN_SCORE)),
                        options(
                                form.value(SearchForm.QUERY),
                                "Alle",
                                sidebars.queries().stream()
                                        .collect(
                                                Collectors.toMap(
                                                        SavedQuery::id, SavedQuery::name))),
                        results(form, results),
                        list(
                                sidebars.topDeals().stream().map(ListingCards::row).toList(),
                                "Ingen tilbud over din tærskel endnu."),
                        list(
                                sidebars.favourites().stream().map(ListingCards::row).toList(),
                                "Ingen favoritter endnu. Stjernemarkér en annonce for at gemme"
                                        + " den her."),
                        list(
                                sidebars.alerts().items().stream()
                                        .map(ListingCards::alertRow)
                                        .toList(),
                                "Ingen alarmer endnu. Nye vises også som beskeder nederst."));
    }

    /** The grid and its pager: the fragment the search box and filters swap in. */
    String results(SearchForm form, Page<ListingSummary> results) {
        if (results.items().isEmpty()) {
            return "<p class=\"empty\">Ingen annoncer passer på søgningen.</p>";
        }
        StringBuilder html = new StringBuilder();
        html.append("<p class=\"count\">")
                .append(String.format(Locale.GERMANY, "%,d", results.total()))
                .append(results.total() == 1 ? " annonce" : " annoncer")
                .append("</p>\n<div class=\"grid\">\n");
        results.items().forEach(l -> html.append(ListingCards.card(l)));
        html.append("</div>\n").append(pager(form, results));
        return html.toString();
    }

    private static String pager(SearchForm form, Page<?> results) {
        if (results.pages() <= 1) {
            return "";
        }
        StringBuilder html = new StringBuilder("<nav class=\"pager\" aria-label=\"Sider\">");
        if (results.page() > 1) {
            html.append(pageLink(form, results.page() - 1, "Forrige"));
        }
        html.append("<span>Side ")
                .append(results.page())
                .append(" af ")
                .append(results.pages())
                .append("</span>");
        if (results.page() < results.pages()) {
            html.append(pageLink(form, results.page() + 1, "Næste"));
        }
        return html.append("</nav>").toString();
    }

    private static String pageLink(SearchForm form, int page, String text) {
        String href = Html.escape("/" + form.queryString(page));
        return "<a href=\""
                + href
                + "\" hx-get=\""
                + href
                + "\" hx-target=\"#results\" hx-push-url=\"true\">"
                + text
                + "</a>";
    }

    private static String sortOptions(String selected) {
        StringBuilder html = new StringBuilder();
        for (ListingSearch.Sort sort : ListingSearch.Sort.values()) {
            html.append(option(sort.name(), SORTS.get(sort), sort.name().equals(selected)));
        }
        return html.toString();
    }

    /** Options sorted by label, after one for "no filter". */
    private static String options(String selected, String anyLabel, Map<String, String> values) {
        StringBuilder html = new StringBuilder(option("", anyLabel, selected.isEmpty()));
        values.entrySet().stream()
                .sorted(Map.Entry.comparingByValue())
                .forEach(
                        e ->
                                html.append(
                                        option(
                                                e.getKey(),
                                                e.getValue(),
                                                e.getKey().equals(selected))));
        return html.toString();
    }

    static String option(String value, String label, boolean selected) {
        return "<option value=\""
                + Html.escape(value)
                + "\""
                + (selected ? " selected" : "")
                + ">"
                + Html.escape(label)
                + "</option>";
    }

    private static String list(List<String> rows, String empty) {
        if (rows.isEmpty()) {
            return "<p class=\"empty\">" + Html.escape(empty) + "</p>";
        }
        return "<ul class=\"rows\">" + String.join("\n", rows) + "</ul>";
    }
}
