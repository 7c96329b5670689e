package dk.dealfinder.core.store;

import dk.dealfinder.core.model.SavedQuery;
import java.io.Serializable;
import java.util.List;

/** Where the job and the scraper read the saved queries they serve. */
@FunctionalInterface
public interface SavedQueryStore extends Serializable {

    /** The active saved queries now; throws when the store cannot be read. */
    List<SavedQuery> activeQueries() throws Exception;

    /** A fixed list, e.g. the queries of the config file. */
    static SavedQueryStore of(List<SavedQuery> queries) {
        List<SavedQuery> copy = List.copyOf(queries);
        return () -> copy.stream().filter(SavedQuery::active).toList();
    }
}
