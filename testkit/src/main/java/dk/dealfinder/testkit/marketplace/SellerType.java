package dk.dealfinder.testkit.marketplace;

/** Who sells: DBA marks dealer ads, and the search API exposes it as a flag. */
public enum SellerType {
    PRIVATE("private"),
    DEALER("dealer");

    private final String flag;

    SellerType(String flag) {
        this.flag = flag;
    }

    /** The lower-case word the search API and the item page use for this seller type. */
    public String flag() {
        return flag;
    }
}
