package dk.dealfinder.core.model;

/** What a listing is with respect to a saved query (the seeds' {@code /classify} verdicts). */
public enum Verdict {
    RELEVANT,
    ACCESSORY,
    BROKEN,
    WANTED_AD,
    SWAP,
    IRRELEVANT
}
