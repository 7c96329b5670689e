package dk.dealfinder.testkit.marketplace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MarketplaceItemPageTest {

    @RegisterExtension final RunningMarketplace running = new RunningMarketplace();

    private JsonNode hydratedAd(long id) {
        String html = running.site().get("/recommerce/forsale/item/" + id).body();
        return SiteClient.scriptJson(html, "window.__staticRouterHydrationData")
                .at("/loaderData/item-page/ad");
    }

    @Test
    void hydrationDataCarriesTheWholeAd() {
        long id =
                running.catalogue()
                        .publish(
                                ListingDraft.of("Trek Émonda SL 5 racercykel str. 56", 8500)
                                        .withPostcode("4000")
                                        .withCategory("Cykler")
                                        .withDescription("Nyserviceret, kører perfekt."));

        JsonNode ad = hydratedAd(id);

        assertThat(ad.get("title").asText()).isEqualTo("Trek Émonda SL 5 racercykel str. 56");
        assertThat(ad.get("description").asText()).isEqualTo("Nyserviceret, kører perfekt.");
        assertThat(ad.at("/price/amount").asLong()).isEqualTo(8500);
        assertThat(ad.at("/price/currency").asText()).isEqualTo("DKK");
        assertThat(ad.at("/location/postalCode").asText()).isEqualTo("4000");
        assertThat(ad.at("/location/postalName").asText()).isEqualTo("Roskilde");
        assertThat(ad.at("/location/position/lat").asDouble()).isBetween(55.0, 56.0);
        assertThat(ad.at("/images/0/uri").asText())
                .isEqualTo(running.baseUrl() + "/images/" + id + "/1.jpg");
        assertThat(ad.at("/images/0/width").asInt()).isEqualTo(320);
        assertThat(ad.get("extras"))
                .extracting(e -> e.get("id").asText() + "=" + e.get("value").asText())
                .containsExactly("condition=Brugt - god stand", "category=Cykler");
        assertThat(ad.get("sellerType").asText()).isEqualTo("private");
        assertThat(ad.at("/meta/isInactive").asBoolean()).isFalse();
        assertThat(ad.at("/meta/edited").asText()).isEqualTo(RunningMarketplace.NOW.toString());
    }

    @Test
    void priceChangesAndRemovalShowInMeta() {
        long id = running.catalogue().publish(ListingDraft.of("MacBook Air M1", 4000));
        running.clock().advance(Duration.ofHours(2));
        running.catalogue().changePrice(id, 3500);
        running.catalogue().remove(id);

        HttpResponse<String> response = running.site().get("/recommerce/forsale/item/" + id);
        JsonNode ad =
                SiteClient.scriptJson(response.body(), "window.__staticRouterHydrationData")
                        .at("/loaderData/item-page/ad");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ad.at("/meta/isInactive").asBoolean()).isTrue();
        assertThat(ad.at("/meta/edited").asText())
                .isEqualTo(RunningMarketplace.NOW.plus(Duration.ofHours(2)).toString());
        assertThat(ad.at("/meta/history"))
                .extracting(p -> p.get("price").asLong())
                .containsExactly(4000L, 3500L);
        assertThat(ad.at("/price/amount").asLong()).isEqualTo(3500);
    }

    @Test
    void jsonLdProductDescribesTheOffer() {
        long id =
                running.catalogue()
                        .publish(
                                ListingDraft.of("Bugaboo Fox <b>barnevogn</b>", 4200)
                                        .withCondition("Ny"));

        String html = running.site().get("/recommerce/forsale/item/" + id).body();
        JsonNode product = SiteClient.scriptJson(html, "application/ld+json");

        assertThat(html).doesNotContain("<b>barnevogn</b>");
        assertThat(product.get("@type").asText()).isEqualTo("Product");
        assertThat(product.get("name").asText()).isEqualTo("Bugaboo Fox <b>barnevogn</b>");
        assertThat(product.get("itemCondition").asText())
                .isEqualTo("https://schema.org/NewCondition");
        assertThat(product.at("/offers/price").asLong()).isEqualTo(4200);
        assertThat(product.at("/offers/priceCurrency").asText()).isEqualTo("DKK");
        assertThat(product.at("/offers/availability").asText())
                .isEqualTo("https://schema.org/InStock");
        assertThat(product.get("image")).hasSize(2);
    }

    @Test
    void unknownAndNotYetPublishedAdsAre404() {
        running.restart(
                MarketplaceOptions.defaults().withCatalogueSize(20).withPreloadedFraction(0.5));
        long waiting = running.catalogue().all().get(19).id();

        assertThat(running.site().get("/recommerce/forsale/item/" + waiting).statusCode())
                .isEqualTo(404);
        assertThat(running.site().get("/images/" + waiting + "/1.jpg").statusCode()).isEqualTo(404);
        assertThat(running.site().get("/recommerce/forsale/item/99").statusCode()).isEqualTo(404);
        assertThat(running.site().get("/recommerce/forsale/item/abc").statusCode()).isEqualTo(404);
    }

    @Test
    void photosAreJpegsAndARepostServesItsOriginalsBytes() throws IOException {
        long original = running.catalogue().publish(ListingDraft.of("Odder barnevogn", 2200));
        long other = running.catalogue().publish(ListingDraft.of("Stokke Tripp Trapp stol", 900));
        long repost = running.catalogue().repost(original);

        byte[] originalPhoto = photo(original, 1);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(originalPhoto));

        assertThat(decoded.getWidth()).isEqualTo(320);
        assertThat(decoded.getHeight()).isEqualTo(240);
        assertThat(photo(repost, 1)).isEqualTo(originalPhoto);
        assertThat(photo(repost, 2)).isEqualTo(photo(original, 2));
        assertThat(differenceHash(photo(other, 1))).isNotEqualTo(differenceHash(originalPhoto));
        assertThat(running.site().bytes("/images/" + original + "/3.jpg").statusCode())
                .isEqualTo(404);
    }

    @Test
    void generatedItemsHaveVisiblyDifferentPhotos() throws IOException {
        running.restart(
                MarketplaceOptions.defaults().withCatalogueSize(40).withPreloadedFraction(1.0));

        Set<Long> hashes = new HashSet<>();
        Set<List<Long>> items = new HashSet<>();
        for (MarketListing listing : running.catalogue().all()) {
            if (items.add(listing.imageSeeds())) {
                hashes.add(differenceHash(photo(listing.id(), 1)));
            }
        }

        assertThat(hashes).hasSize(items.size());
    }

    private byte[] photo(long id, int number) {
        HttpResponse<byte[]> response =
                running.site().bytes("/images/" + id + "/" + number + ".jpg");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        return response.body();
    }

    /** 64-bit dHash: is each of 8x8 cells brighter than its right neighbour, on a 9x8 thumbnail. */
    private static long differenceHash(byte[] jpeg) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
        BufferedImage thumbnail = new BufferedImage(9, 8, BufferedImage.TYPE_BYTE_GRAY);
        thumbnail.getGraphics().drawImage(image, 0, 0, 9, 8, null);
        long hash = 0;
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                int left = thumbnail.getRaster().getSample(x, y, 0);
                int right = thumbnail.getRaster().getSample(x + 1, y, 0);
                hash = (hash << 1) | (left > right ? 1 : 0);
            }
        }
        return hash;
    }
}
