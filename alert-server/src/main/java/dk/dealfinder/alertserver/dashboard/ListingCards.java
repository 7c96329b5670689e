package dk.dealfinder.alertserver.dashboard;

import dk.dealfinder.alertserver.listings.AlertView;
import dk.dealfinder.alertserver.listings.ListingSummary;
import dk.dealfinder.alertserver.web.Html;

/**
 * Listings as grid cards and list rows. Every stored value is escaped; a card's link opens the
 * detail panel in place (HTMX) or as its own page (without script).
 */
final class ListingCards {

    private ListingCards() {}

    static String card(ListingSummary l) {
        String thumbnail = WebLinks.webUrlAttribute(l.thumbnailUrl());
        String image =
                thumbnail == null
                        ? "<div class=\"thumb none\" aria-hidden=\"true\">Intet billede</div>"
                        : "<img class=\"thumb\" loading=\"lazy\" src=\""
                                + thumbnail
                                + "\" alt=\""
                                + Html.escape(l.title())
                                + "\">";
        return """
        <article class="card%s">
        %s
        <h3><a %s>%s</a></h3>
        <p class="meta"><span class="price">%s</span>%s</p>
        <p class="sub">%s<time datetime="%s">%s</time></p>
        </article>
        """
                .formatted(
                        l.removed() ? " removed" : "",
                        image,
                        detailLink(l.listingKey()),
                        Html.escape(l.title()),
                        Html.escape(DanishFormats.price(l.price(), l.currency())),
                        scoreBadge(l.dealScore(), l.verdict()),
                        l.location() == null || l.location().isBlank()
                                ? ""
                                : "<span>" + Html.escape(l.location()) + "</span> · ",
                        DanishFormats.isoInstant(l.publishedAt()),
                        Html.escape(DanishFormats.dateTime(l.publishedAt())));
    }

    /** A compact row for the top-deals list. */
    static String row(ListingSummary l) {
        return "<li><a "
                + detailLink(l.listingKey())
                + ">"
                + Html.escape(l.title())
                + "</a> <span class=\"price\">"
                + Html.escape(DanishFormats.price(l.price(), l.currency()))
                + "</span>"
                + scoreBadge(l.dealScore(), l.verdict())
                + "</li>";
    }

    /** One past alert, newest first in the history list. */
    static String alertRow(AlertView a) {
        return "<li><a "
                + detailLink(a.listingKey())
                + ">"
                + Html.escape(a.title())
                + "</a> <span class=\"price\">"
                + Html.escape(DanishFormats.price(a.price(), a.currency()))
                + "</span>"
                + scoreBadge(a.score(), null)
                + " <span class=\"sub\">"
                + Html.escape(a.queryName() == null ? a.queryId() : a.queryName())
                + " · <time datetime=\""
                + DanishFormats.isoInstant(a.createdAt())
                + "\">"
                + Html.escape(DanishFormats.dateTime(a.createdAt()))
                + "</time></span></li>";
    }

    /** Attributes of a link to the detail panel: a real href, loaded into #detail by HTMX. */
    static String detailLink(String listingKey) {
        String path = WebLinks.detailPath(listingKey);
        return "href=\""
                + path
                + "\" hx-get=\""
                + path
                + "\" hx-target=\"#detail\" hx-swap=\"innerHTML show:top\"";
    }

    static String scoreBadge(Double score, String verdict) {
        if (score == null) {
            return "";
        }
        String verdictText =
                verdict == null
                        ? ""
                        : " <span class=\"verdict\">" + Html.escape(verdict) + "</span>";
        return " <span class=\"score\" title=\"Deal score\">Score "
                + DanishFormats.score(score)
                + "</span>"
                + verdictText;
    }
}
