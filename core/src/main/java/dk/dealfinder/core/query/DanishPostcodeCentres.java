package dk.dealfinder.core.query;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Where a Danish postcode lies, to tell whether a listing is within a saved query's radius.
 *
 * <p>The table ({@code postcode-centres.txt} next to this class) holds the approximate centre of
 * about 450 postcode areas: every district of Copenhagen, Aarhus, Odense and Aalborg, and the towns
 * whose post offices give the rest of the country its numbers. It was written from general
 * geographic knowledge, not from an official register. A listed centre is within a few kilometres
 * of the real one; a postcode that is not listed takes the centre of the nearest lower listed one
 * (Danish postcodes run roughly along the map, so that is almost always a neighbouring town), which
 * puts it within about 15 km, rarely more. Distances are therefore good to about ±15 km: fine for
 * "within 30 km of 8000", not for "within 2 km". The Faroe Islands and Greenland (3800-3999) and
 * numbers below 1000 are unknown.
 */
public final class DanishPostcodeCentres {

    /** A point on the map, WGS84 degrees. */
    public record Centre(double latitude, double longitude, String name) {}

    /** Mean Earth radius used by the haversine formula. */
    static final double EARTH_RADIUS_KM = 6371.0;

    private static final Pattern POSTCODE = Pattern.compile("[1-9]\\d{3}");
    private static final String TABLE = "postcode-centres.txt";

    /** Start of each range → its centre; an empty value starts a range that cannot be placed. */
    private static final NavigableMap<Integer, Optional<Centre>> RANGES = load();

    private DanishPostcodeCentres() {}

    /** Whether the postcode can be placed on the map. */
    public static boolean knows(String postcode) {
        return centre(postcode).isPresent();
    }

    /** The approximate centre of a four-digit postcode's area; empty when it cannot be placed. */
    public static Optional<Centre> centre(String postcode) {
        if (postcode == null || !POSTCODE.matcher(postcode.strip()).matches()) {
            return Optional.empty();
        }
        Map.Entry<Integer, Optional<Centre>> range =
                RANGES.floorEntry(Integer.parseInt(postcode.strip()));
        return range == null ? Optional.empty() : range.getValue();
    }

    /** Great-circle distance in km between two postcodes' centres; empty if either is unknown. */
    public static OptionalDouble distanceKm(String from, String to) {
        Optional<Centre> a = centre(from);
        Optional<Centre> b = centre(to);
        if (a.isEmpty() || b.isEmpty()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(haversineKm(a.get(), b.get()));
    }

    /**
     * Great-circle distance in km from a postcode's centre to a point; empty if the postcode is
     * unknown.
     */
    public static OptionalDouble distanceKm(String from, double latitude, double longitude) {
        return centre(from)
                .map(c -> OptionalDouble.of(haversineKm(c, new Centre(latitude, longitude, ""))))
                .orElse(OptionalDouble.empty());
    }

    /** Great-circle distance on a spherical Earth (error under 0.5 % at Danish latitudes). */
    static double haversineKm(Centre a, Centre b) {
        double lat1 = Math.toRadians(a.latitude());
        double lat2 = Math.toRadians(b.latitude());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(b.longitude() - a.longitude());
        double h =
                Math.pow(Math.sin(dLat / 2), 2)
                        + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    private static NavigableMap<Integer, Optional<Centre>> load() {
        try (InputStream in = DanishPostcodeCentres.class.getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException(TABLE + " is missing from the classpath");
            }
            BufferedReader reader =
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            NavigableMap<Integer, Optional<Centre>> ranges = new TreeMap<>();
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (!line.isBlank() && !line.startsWith("#")) {
                    parseLine(line, lineNumber, ranges);
                }
            }
            return ranges;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + TABLE, e);
        }
    }

    /** {@code postcode latitude longitude name}, or {@code postcode - - why} for a gap. */
    private static void parseLine(
            String line, int lineNumber, NavigableMap<Integer, Optional<Centre>> ranges) {
        String[] parts = line.strip().split("\\s+", 4);
        if (parts.length < 4) {
            throw new IllegalStateException(TABLE + " line " + lineNumber + " is incomplete");
        }
        int start = Integer.parseInt(parts[0]);
        Optional<Centre> centre =
                parts[1].equals("-")
                        ? Optional.empty()
                        : Optional.of(
                                new Centre(
                                        Double.parseDouble(parts[1]),
                                        Double.parseDouble(parts[2]),
                                        parts[3]));
        if (ranges.put(start, centre) != null) {
            throw new IllegalStateException(
                    TABLE + " line " + lineNumber + " repeats postcode " + start);
        }
    }
}
