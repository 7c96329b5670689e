package dk.dealfinder.sink.qdrant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.dealfinder.core.model.EmbeddedListing;
import dk.dealfinder.core.model.Listing;
import dk.dealfinder.core.model.ListingPointFields;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.PointStruct;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmbeddedListingConverterTest {

    private final EmbeddedListingConverter converter = new EmbeddedListingConverter();

    @Test
    void everyVersionOfAListingMapsToTheSamePoint() {
        QdrantPointWrite first = converter.apply(TestListings.embedded(7, 1), null);
        QdrantPointWrite second = converter.apply(TestListings.embedded(7, 2), null);

        assertThat(first.kind()).isEqualTo(QdrantPointWrite.Kind.UPSERT);
        assertThat(first.pointId())
                .isEqualTo(second.pointId())
                .isEqualTo(EmbeddedListing.pointIdOf("dba.dk:ad7"));
        assertThat(first.point().getId().getUuid()).isEqualTo(first.pointId());
        assertThat(converter.apply(TestListings.embedded(8, 1), null).pointId())
                .isNotEqualTo(first.pointId());
    }

    @Test
    void carriesTheVectorAndTheDocumentedPayload() {
        PointStruct point = converter.apply(TestListings.embedded(7, 3), null).point();
        Map<String, Value> payload = point.getPayloadMap();

        var vector = point.getVectors().getVector();
        List<Float> values =
                vector.hasDense() ? vector.getDense().getDataList() : vector.getDataList();
        assertThat(values).hasSize(TestListings.DIMENSION);
        assertThat(payload.get(ListingPointFields.SITE).getStringValue()).isEqualTo("dba.dk");
        assertThat(payload.get(ListingPointFields.PRICE).getDoubleValue()).isEqualTo(1007.0);
        assertThat(payload.get(ListingPointFields.POSTCODE).getStringValue()).isEqualTo("2100");
        Map<String, Value> location =
                payload.get(ListingPointFields.LOCATION).getStructValue().getFieldsMap();
        assertThat(location.get("lat").getDoubleValue()).isBetween(55.6, 55.8);
        assertThat(location.get("lon").getDoubleValue()).isBetween(12.4, 12.7);
        assertThat(payload.get(ListingPointFields.CATEGORY).getStringValue()).isEqualTo("Cykler");
        assertThat(payload.get(ListingPointFields.SELLER_TYPE).getStringValue())
                .isEqualTo("PRIVATE");
        assertThat(payload.get(ListingPointFields.ACTIVE).getBoolValue()).isTrue();
        assertThat(payload.get(ListingPointFields.PUBLISHED_AT).getStringValue())
                .isEqualTo("2026-01-01T00:07:00Z");
        assertThat(payload.get(ListingPointFields.LISTING_KEY).getStringValue())
                .isEqualTo("dba.dk:ad7");
        assertThat(payload.get(ListingPointFields.VERSION).getIntegerValue()).isEqualTo(3);
        assertThat(payload.get(ListingPointFields.MODEL_ID).getStringValue())
                .isEqualTo(TestListings.MODEL_ID);
        assertThat(ListingPayload.INDEXES)
                .containsEntry(ListingPointFields.LOCATION, PayloadSchemaType.Geo)
                .containsKeys(ListingPointFields.PRICE, ListingPointFields.PUBLISHED_AT);
    }

    @Test
    void theItemPagesCoordinatesAndConditionWinOverThePostcodeCentre() {
        EmbeddedListing e = TestListings.embedded(7, 3);
        Listing l = e.listing();
        Listing placed =
                new Listing(
                        l.listingKey(),
                        l.site(),
                        l.adId(),
                        l.url(),
                        l.title(),
                        l.description(),
                        l.price(),
                        l.currency(),
                        l.location(),
                        l.postcode(),
                        l.imageUrls(),
                        l.publishedAt(),
                        l.fetchedAt(),
                        l.version(),
                        l.sellerType(),
                        l.category(),
                        "Som ny",
                        56.15,
                        10.2);

        Map<String, Value> payload =
                ListingPayload.of(new EmbeddedListing(placed, e.vector(), e.modelId()));

        Map<String, Value> location =
                payload.get(ListingPointFields.LOCATION).getStructValue().getFieldsMap();
        assertThat(location.get("lat").getDoubleValue()).isEqualTo(56.15);
        assertThat(location.get("lon").getDoubleValue()).isEqualTo(10.2);
        assertThat(payload.get(ListingPointFields.CONDITION).getStringValue()).isEqualTo("Som ny");
        assertThat(ListingPayload.of(e)).doesNotContainKey(ListingPointFields.CONDITION);
    }

    @Test
    void refusesAListingWithoutEmbedding() {
        EmbeddedListing empty =
                new EmbeddedListing(TestListings.embedded(1, 1).listing(), new float[0], "m");
        assertThatThrownBy(() -> converter.apply(empty, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dba.dk:ad1");
    }
}
