package dk.dealfinder.testkit.marketplace;

import java.net.URI;

/** The addresses the marketplace hands out, absolute ones built on its base URL. */
record SiteUrls(URI baseUrl) {

    static final String ITEM_PREFIX = "/recommerce/forsale/item/";
    static final String SEARCH_PAGE = "/recommerce/forsale/search";
    static final String IMAGE_PREFIX = "/images/";

    static String itemPath(long id) {
        return ITEM_PREFIX + id;
    }

    String item(long id) {
        return baseUrl + itemPath(id);
    }

    /** Photo {@code number} of an ad, counted from 1. */
    String image(long id, int number) {
        return baseUrl + IMAGE_PREFIX + id + "/" + number + ".jpg";
    }
}
