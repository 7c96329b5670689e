package dk.dealfinder.udfs.dedup;

/**
 * One band of a fingerprinted listing's image hash, the key its near duplicates share. A listing
 * without a hash travels as a single record under a key of its own.
 */
public record BandedListing(String bandKey, FingerprintedListing fingerprinted) {}
