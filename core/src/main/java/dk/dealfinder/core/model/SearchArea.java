package dk.dealfinder.core.model;

import java.util.List;

/**
 * Where a saved query's listings may be: anywhere, in one of the listed postcodes, or within a
 * radius around one postcode. Both restrictions may be set; a listing then passes either.
 *
 * @param postcodes four-digit Danish postcodes; empty for no list
 * @param nearPostcode centre of the radius, null for none
 * @param radiusKm radius around {@code nearPostcode} in kilometres, null for none
 */
public record SearchArea(List<String> postcodes, String nearPostcode, Integer radiusKm) {

    public static final SearchArea ANYWHERE = new SearchArea(List.of(), null, null);

    public SearchArea {
        postcodes = postcodes == null ? List.of() : List.copyOf(postcodes);
    }

    public boolean anywhere() {
        return postcodes.isEmpty() && (nearPostcode == null || radiusKm == null);
    }
}
