package dk.dealfinder.testkit.marketplace;

/**
 * The ground truth behind a generated listing: either the real thing at a sane price, or one of the
 * traps that make keyword search on DBA so noisy. Tests and benchmarks score relevance against it.
 */
public enum DecoyKind {
    GENUINE,
    /** A cover, charger or empty box that repeats the item's name. */
    ACCESSORY,
    /** "defekt", "til reservedele", "tænder ikke", "mangler batteri". */
    BROKEN,
    /** A "købes" ad: someone wants to buy, nothing is for sale. */
    WANTED,
    /** A "byttes" ad: offered in exchange, not for money. */
    SWAP,
    /** The right item at 1.6 to 2.5 times its market price. */
    OVERPRICED,
    /** The same item, text and photos under a new ad id. */
    REPOST,
    /** A part of the item or a toy version of it ("dukkevogn", "minifigur fra 75192"). */
    PART_OR_TOY
}
