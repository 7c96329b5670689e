package dk.dealfinder.alertserver.api;

import dk.dealfinder.core.model.DigestSchedule;
import dk.dealfinder.core.model.ModelMode;
import dk.dealfinder.core.model.SavedQuery;
import dk.dealfinder.core.model.SellerType;
import java.util.List;

/**
 * A saved query as the API reads and writes it. On input, absent fields take their defaults; the
 * server assigns {@code id} and the owner.
 */
public record SavedQueryInput(
        String id,
        String name,
        String terms,
        String site,
        Long minPrice,
        Long maxPrice,
        List<String> includeKeywords,
        List<String> excludeKeywords,
        String keywordExpression,
        Integer maxAgeDays,
        List<String> postcodes,
        String nearPostcode,
        Integer radiusKm,
        SellerType sellerType,
        ModelMode modelMode,
        Double alertThreshold,
        DigestSchedule digest,
        Boolean instantAlerts,
        Boolean active) {

    /** The query this input describes, with the given id and owner. */
    public SavedQuery toSavedQuery(String newId, String owner) {
        return SavedQuery.fromInput(
                newId,
                owner,
                name,
                terms,
                site,
                minPrice,
                maxPrice,
                includeKeywords,
                excludeKeywords,
                keywordExpression,
                maxAgeDays,
                postcodes,
                nearPostcode,
                radiusKm,
                sellerType,
                modelMode,
                alertThreshold,
                digest,
                instantAlerts,
                active);
    }

    /** How a stored query is shown. */
    public static SavedQueryInput of(SavedQuery q) {
        return new SavedQueryInput(
                q.id(),
                q.name(),
                q.terms(),
                q.site(),
                q.minPrice(),
                q.maxPrice(),
                q.includeKeywords(),
                q.excludeKeywords(),
                q.keywordExpression(),
                q.maxAgeDays(),
                q.area().postcodes(),
                q.area().nearPostcode(),
                q.area().radiusKm(),
                q.sellerType(),
                q.modelMode(),
                q.alertThreshold(),
                q.digest(),
                q.instantAlerts(),
                q.active());
    }
}
