package dk.dealfinder.testkit.marketplace;

import java.util.Objects;

/**
 * What a seller fills in before an ad goes live; {@link Catalogue#publish(ListingDraft)} turns it
 * into a {@link MarketListing}. The postcode decides the city shown on the site.
 */
public record ListingDraft(
        String title,
        String description,
        long price,
        String postcode,
        String category,
        String condition,
        SellerType sellerType,
        String tradeType) {

    public static final String FOR_SALE = "Til salg";
    public static final String WANTED = "Købes";
    public static final String SWAP = "Byttes";
    public static final String GIVE_AWAY = "Gives væk";

    public ListingDraft {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(postcode, "postcode");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(sellerType, "sellerType");
        Objects.requireNonNull(tradeType, "tradeType");
        if (price < 0) {
            throw new IllegalArgumentException("price must not be negative, was " + price);
        }
    }

    /** A private sale in 2100 København Ø in good used condition, the most common kind of ad. */
    public static ListingDraft of(String title, long price) {
        return new ListingDraft(
                title,
                "Sælges da jeg har fået en ny. Fremstår pæn med få brugsspor.",
                price,
                "2100",
                "Diverse",
                "Brugt - god stand",
                SellerType.PRIVATE,
                price == 0 ? GIVE_AWAY : FOR_SALE);
    }

    public ListingDraft withDescription(String newDescription) {
        return new ListingDraft(
                title, newDescription, price, postcode, category, condition, sellerType, tradeType);
    }

    public ListingDraft withPostcode(String newPostcode) {
        return new ListingDraft(
                title, description, price, newPostcode, category, condition, sellerType, tradeType);
    }

    public ListingDraft withCategory(String newCategory) {
        return new ListingDraft(
                title, description, price, postcode, newCategory, condition, sellerType, tradeType);
    }

    public ListingDraft withCondition(String newCondition) {
        return new ListingDraft(
                title, description, price, postcode, category, newCondition, sellerType, tradeType);
    }

    public ListingDraft withSellerType(SellerType newSellerType) {
        return new ListingDraft(
                title, description, price, postcode, category, condition, newSellerType, tradeType);
    }

    public ListingDraft withTradeType(String newTradeType) {
        return new ListingDraft(
                title, description, price, postcode, category, condition, sellerType, newTradeType);
    }
}
