package dk.dealfinder.testkit.marketplace;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Danish words the generated catalogue is made of, kept as data in {@code
 * marketplace/catalogue-vocabulary.json} so that adding a product or a town needs no code. Title
 * templates may use {title} (model with size), {model}, {brand}, {code} (Lego set number) and
 * {city}.
 */
record CatalogueVocabulary(
        List<Category> categories,
        List<Place> places,
        Map<DecoyKind, List<String>> kindSentences,
        List<String> closings,
        List<String> conditions) {

    private static final String RESOURCE = "/marketplace/catalogue-vocabulary.json";

    record Category(
            String name,
            int weight,
            double giveAwayChance,
            List<Model> models,
            List<String> genuineTitles,
            List<PricedTemplate> accessories,
            List<String> broken,
            List<PricedTemplate> partsAndToys,
            List<String> sentences) {}

    /** A product line; {@code sizes} maps a storage or frame size to its price difference. */
    record Model(
            String brand,
            String model,
            String code,
            long price,
            LinkedHashMap<String, Long> sizes) {
        Map<String, Long> sizesOrNone() {
            return sizes == null || sizes.isEmpty() ? Map.of("", 0L) : sizes;
        }
    }

    /** A decoy title whose price is drawn between {@code low} and {@code high} DKK. */
    record PricedTemplate(String title, long low, long high) {}

    record Place(String postcode, String city, double lat, double lng, int weight) {}

    static CatalogueVocabulary load() {
        try (InputStream in = CatalogueVocabulary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + RESOURCE);
            }
            return new ObjectMapper().readValue(in, CatalogueVocabulary.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    Optional<Place> place(String postcode) {
        return places.stream().filter(p -> p.postcode().equals(postcode)).findFirst();
    }
}
