package dk.dealfinder.job.sink;

import static org.assertj.core.api.Assertions.assertThat;

import dk.dealfinder.core.model.RawListing;
import dk.dealfinder.core.model.SellerType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RawListingJsonTest {

    private final RawListingJson json = new RawListingJson();

    @Test
    void aSightingAndAGoneRecordReadBackExactly() throws Exception {
        RawListing sighting =
                new RawListing(
                        "dba.dk",
                        "7",
                        "https://x/7",
                        "Sofa <b>",
                        "Pæn",
                        "500",
                        "DKK",
                        "8000 Aarhus C",
                        "1763733120000",
                        List.of("https://img/7.jpg"),
                        "Til salg",
                        5_000L,
                        SellerType.DEALER,
                        "Sofaer",
                        "Brugt - god stand",
                        56.15,
                        10.2,
                        null);
        RawListing gone = RawListing.gone("dba.dk", "7", "https://x/7", "410", 9_000L);

        assertThat(json.deserialize(json.serialize(sighting))).isEqualTo(sighting);
        RawListing back = json.deserialize(json.serialize(gone));
        assertThat(back).isEqualTo(gone);
        assertThat(back.reportsGone()).isTrue();
    }

    @Test
    void archiveRecordsWrittenBeforeTheItemFactsExistedStillRead() throws Exception {
        String older =
                "{\"site\":\"dba.dk\",\"adId\":\"7\",\"url\":\"https://x/7\",\"title\":\"Sofa\","
                        + "\"description\":\"\",\"priceText\":\"500\",\"currency\":\"DKK\","
                        + "\"location\":\"\",\"publishedText\":\"\",\"imageUrls\":[],"
                        + "\"tradeType\":\"\",\"fetchedAt\":5000,\"sellerType\":null,"
                        + "\"category\":null}";

        RawListing read = json.deserialize(older.getBytes(StandardCharsets.UTF_8));

        assertThat(read.title()).isEqualTo("Sofa");
        assertThat(read.condition()).isNull();
        assertThat(read.latitude()).isNull();
        assertThat(read.reportsGone()).isFalse();
    }
}
