package dk.dealfinder.alertserver.dashboard;

import dk.dealfinder.alertserver.listings.ListingDetail;
import dk.dealfinder.alertserver.listings.ListingDetail.MatchView;
import dk.dealfinder.alertserver.listings.ListingSummary;
import dk.dealfinder.alertserver.web.Html;
import java.util.ArrayList;
import java.util.List;

/**
 * The listing detail panel: photos, description, each saved query's verdict and score with its
 * explanation, the price history, similar listings and the Favourite and Notify-me actions.
 */
final class DetailPanel {

    private final boolean similarSearch;

    /**
     * @param similarSearch whether {@code /api/similar} is there for the script to ask
     */
    DetailPanel(boolean similarSearch) {
        this.similarSearch = similarSearch;
    }

    String render(ListingDetail d) {
        ListingSummary s = d.summary();
        String link = WebLinks.webUrlAttribute(d.url());
        return """
        <article class="listing" aria-labelledby="listing-title">
        <div class="listing-head">
        <h2 id="listing-title" tabindex="-1">%s</h2>
        <button type="button" class="close" data-close-detail>Luk</button>
        </div>
        %s
        <p class="meta"><span class="price">%s</span>%s%s</p>
        <p class="sub">%s<time datetime="%s">%s</time>%s</p>
        %s
        %s
        %s
        <section aria-labelledby="description-heading">
        <h3 id="description-heading">Beskrivelse</h3>
        <p class="description">%s</p>
        </section>
        <section aria-labelledby="verdict-heading">
        <h3 id="verdict-heading">Vurdering og score</h3>
        %s
        </section>
        <section aria-labelledby="history-chart-heading">
        <h3 id="history-chart-heading">Prishistorik</h3>
        %s
        </section>
        %s
        </article>
        """
                .formatted(
                        Html.escape(s.title()),
                        carousel(d),
                        Html.escape(DanishFormats.price(s.price(), s.currency())),
                        ListingCards.scoreBadge(s.dealScore(), s.verdict()),
                        s.removed() ? " <span class=\"removed-tag\">Fjernet</span>" : "",
                        s.location() == null || s.location().isBlank()
                                ? ""
                                : Html.escape(s.location()) + " · ",
                        DanishFormats.isoInstant(s.publishedAt()),
                        Html.escape(DanishFormats.dateTime(s.publishedAt())),
                        link == null
                                ? ""
                                : " · <a href=\""
                                        + link
                                        + "\" target=\"_blank\" rel=\"noopener noreferrer\">Se"
                                        + " annoncen på "
                                        + Html.escape(s.site())
                                        + "</a>",
                        actions(s.listingKey(), d.favourite(), d.notifyOnPriceDrop()),
                        facts(d.facts()),
                        sameItem(d),
                        Html.escape(d.description()),
                        matches(d),
                        PriceChart.render(d.priceHistory(), s.currency()),
                        similar(s.listingKey()));
    }

    /**
     * The Favourite and Notify-me buttons; each answer replaces this block. HTMX sends the CSRF
     * token from the body's {@code hx-headers}.
     */
    static String actions(String listingKey, boolean favourite, boolean notify) {
        String base = WebLinks.detailPath(listingKey);
        return """
        <div class="actions">
        <button type="button" %s="%s/favourite" hx-target="closest .actions" hx-swap="outerHTML" aria-pressed="%s">%s</button>
        <button type="button" %s="%s/notify" hx-target="closest .actions" hx-swap="outerHTML" aria-pressed="%s">%s</button>
        </div>
        """
                .formatted(
                        favourite ? "hx-delete" : "hx-put",
                        base,
                        favourite,
                        favourite ? "★ Fjern favorit" : "☆ Gem som favorit",
                        notify ? "hx-delete" : "hx-put",
                        base,
                        notify,
                        notify ? "Stop prisbeskeder" : "Giv besked ved prisfald");
    }

    private static String carousel(ListingDetail d) {
        StringBuilder slides = new StringBuilder();
        int n = 0;
        for (String url : d.imageUrls()) {
            String src = WebLinks.webUrlAttribute(url);
            if (src != null) {
                n++;
                slides.append("<img loading=\"lazy\" src=\"")
                        .append(src)
                        .append("\" alt=\"")
                        .append(Html.escape(d.summary().title() + ", billede " + n))
                        .append("\">");
            }
        }
        if (n == 0) {
            return "";
        }
        return "<div class=\"carousel\" tabindex=\"0\" role=\"group\" aria-label=\"Billeder ("
                + n
                + ")\">"
                + slides
                + "</div>";
    }

    private static String matches(ListingDetail d) {
        if (d.matches().isEmpty()) {
            return "<p class=\"empty\">Ingen af dine søgeagenter har vurderet annoncen.</p>";
        }
        StringBuilder html = new StringBuilder("<ul class=\"matches\">");
        for (MatchView m : d.matches()) {
            html.append(
                    """
                    <li>
                    <p><strong>%s</strong> <span class="verdict">%s</span> \
                    <span class="score">Score %s</span> \
                    <span class="sub">sikkerhed %s · model %s</span></p>
                    <dl class="parts">
                    <dt>Relevans</dt><dd>%s</dd><dt>Pris</dt><dd>%s</dd>
                    <dt>Friskhed</dt><dd>%s</dd><dt>Stand</dt><dd>%s</dd>
                    <dt>Sælger</dt><dd>%s</dd><dt>Afstand</dt><dd>%s</dd>
                    </dl>
                    <p class="explanation">%s</p>
                    </li>
                    """
                            .formatted(
                                    Html.escape(
                                            m.queryName() == null ? m.queryId() : m.queryName()),
                                    Html.escape(m.verdict()),
                                    DanishFormats.score(m.score()),
                                    DanishFormats.percent(m.confidence()),
                                    Html.escape(m.modelId()),
                                    DanishFormats.percent(m.relevance()),
                                    DanishFormats.percent(m.priceScore()),
                                    DanishFormats.percent(m.freshness()),
                                    DanishFormats.percent(m.conditionScore()),
                                    judged(m.sellerScore()),
                                    judged(m.distanceScore()),
                                    Html.escape(m.explanation())));
        }
        return html.append("</ul>").toString();
    }

    /**
     * The other ads recognised as the same item (the original and its reposts or cross-posts), as
     * links into the panel; nothing when none is linked.
     */
    private static String sameItem(ListingDetail d) {
        String self = d.summary().listingKey();
        List<String> others = new ArrayList<>();
        if (!d.reposts().reposts().isEmpty() && !d.reposts().originalKey().equals(self)) {
            others.add(d.reposts().originalKey());
        }
        d.reposts().reposts().stream()
                .map(ListingDetail.RepostView::listingKey)
                .filter(k -> !k.equals(self))
                .forEach(others::add);
        if (others.isEmpty()) {
            return "";
        }
        StringBuilder html =
                new StringBuilder("<p class=\"sub same-item\">Samme vare er også slået op som: ");
        for (int i = 0; i < others.size(); i++) {
            html.append(i == 0 ? "" : ", ")
                    .append("<a ")
                    .append(ListingCards.detailLink(others.get(i)))
                    .append(">")
                    .append(Html.escape(others.get(i)))
                    .append("</a>");
        }
        return html.append("</p>").toString();
    }

    /** A part that may not have been judged: a dash then. */
    private static String judged(Double part) {
        return part == null ? "–" : DanishFormats.percent(part);
    }

    /** Seller type, category and condition as the site stated them, where it did. */
    private static String facts(ListingDetail.ItemFacts f) {
        StringBuilder html = new StringBuilder();
        if (f.sellerType() != null) {
            html.append("<dt>Sælger</dt><dd>")
                    .append("DEALER".equals(f.sellerType()) ? "Forhandler" : "Privat")
                    .append("</dd>");
        }
        if (f.category() != null) {
            html.append("<dt>Kategori</dt><dd>").append(Html.escape(f.category())).append("</dd>");
        }
        if (f.condition() != null) {
            html.append("<dt>Stand</dt><dd>").append(Html.escape(f.condition())).append("</dd>");
        }
        return html.isEmpty() ? "" : "<dl class=\"facts\">" + html + "</dl>";
    }

    /** Filled by our script from {@code /api/similar}, which only exists with Qdrant configured. */
    private String similar(String listingKey) {
        if (!similarSearch) {
            return "";
        }
        return """
        <section class="similar" aria-labelledby="similar-heading" data-similar-listing="%s">
        <h3 id="similar-heading">Lignende annoncer</h3>
        <p class="empty">Henter…</p>
        </section>
        """
                .formatted(Html.escape(listingKey));
    }
}
