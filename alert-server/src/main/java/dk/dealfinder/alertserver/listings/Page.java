package dk.dealfinder.alertserver.listings;

import java.util.List;

/** One page of results and where it sits in the whole. */
public record Page<T>(List<T> items, int page, int pageSize, long total) {

    public int pages() {
        return (int) Math.max(1, (total + pageSize - 1) / pageSize);
    }
}
