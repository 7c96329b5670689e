package dk.dealfinder.alertserver.dashboard;

import dk.dealfinder.alertserver.listings.ListingDetail.PricePoint;
import dk.dealfinder.alertserver.web.Html;
import java.util.List;
import java.util.Locale;

/**
 * A listing's price history as an inline SVG line chart, drawn on the server so the page needs no
 * charting script. Styled by presentation attributes and CSS classes (the policy forbids inline
 * style). Versions without a stated price are left out.
 */
final class PriceChart {

    private static final int WIDTH = 320;
    private static final int HEIGHT = 140;
    private static final int LEFT = 64;
    private static final int RIGHT = 12;
    private static final int TOP = 12;
    private static final int BOTTOM = 28;

    private PriceChart() {}

    static String render(List<PricePoint> history, String currency) {
        List<PricePoint> priced = history.stream().filter(p -> p.price() != null).toList();
        if (priced.isEmpty()) {
            return "<p class=\"empty\">Ingen prishistorik.</p>";
        }
        long low = priced.stream().mapToLong(PricePoint::price).min().orElseThrow();
        long high = priced.stream().mapToLong(PricePoint::price).max().orElseThrow();
        long first = priced.get(0).observedAt();
        long last = priced.get(priced.size() - 1).observedAt();
        StringBuilder points = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        for (int i = 0; i < priced.size(); i++) {
            PricePoint p = priced.get(i);
            double x = x(i, priced.size(), p.observedAt(), first, last);
            double y = y(p.price(), low, high);
            points.append(i == 0 ? "" : " ")
                    .append(coordinate(x))
                    .append(',')
                    .append(coordinate(y));
            dots.append("<circle class=\"dot\" cx=\"")
                    .append(coordinate(x))
                    .append("\" cy=\"")
                    .append(coordinate(y))
                    .append("\" r=\"4\"><title>")
                    .append(Html.escape(label(p, currency)))
                    .append("</title></circle>");
        }
        String description =
                "Prisudvikling: "
                        + String.join(", ", priced.stream().map(p -> label(p, currency)).toList());
        return """
        <svg class="price-chart" viewBox="0 0 %d %d" width="100%%" role="img" aria-label="%s">
        <line class="axis" x1="%d" y1="%d" x2="%d" y2="%d" stroke="#9aa3af"/>
        <text class="tick" x="%d" y="%s" text-anchor="end">%s</text>
        <text class="tick" x="%d" y="%s" text-anchor="end">%s</text>
        <text class="tick" x="%d" y="%d" text-anchor="start">%s</text>
        <text class="tick" x="%d" y="%d" text-anchor="end">%s</text>
        <polyline class="line" fill="none" stroke="#0b5cad" stroke-width="2" points="%s"/>
        %s
        </svg>
        """
                .formatted(
                        WIDTH,
                        HEIGHT,
                        Html.escape(description),
                        LEFT,
                        HEIGHT - BOTTOM,
                        WIDTH - RIGHT,
                        HEIGHT - BOTTOM,
                        LEFT - 6,
                        coordinate(y(high, low, high) + 4),
                        Html.escape(DanishFormats.price(high, currency)),
                        LEFT - 6,
                        coordinate(y(low, low, high) + 4),
                        Html.escape(DanishFormats.price(low, currency)),
                        LEFT,
                        HEIGHT - 8,
                        Html.escape(DanishFormats.dayMonth(first)),
                        WIDTH - RIGHT,
                        HEIGHT - 8,
                        Html.escape(DanishFormats.dayMonth(last)),
                        points,
                        dots);
    }

    /** By time when the points are spread in time; evenly when they share one instant. */
    private static double x(int index, int count, long at, long first, long last) {
        double span = WIDTH - LEFT - RIGHT;
        if (count == 1) {
            return LEFT + span / 2;
        }
        if (last == first) {
            return LEFT + span * index / (count - 1);
        }
        return LEFT + span * (at - first) / (double) (last - first);
    }

    /** Higher prices higher up; a flat history sits in the middle. */
    private static double y(long price, long low, long high) {
        double span = HEIGHT - TOP - BOTTOM;
        if (high == low) {
            return TOP + span / 2;
        }
        return TOP + span * (high - price) / (double) (high - low);
    }

    private static String coordinate(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String label(PricePoint p, String currency) {
        return DanishFormats.price(p.price(), currency)
                + " ("
                + DanishFormats.dateTime(p.observedAt())
                + ")";
    }
}
