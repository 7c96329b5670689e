package dk.dealfinder.alertserver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.dealfinder.core.model.Alert;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

/** Alerts as the Flink job would send them, each with a fresh listing so ids never collide. */
final class TestAlerts {

    static final ObjectMapper JSON = AlertJson.mapper();

    private TestAlerts() {}

    static Alert alert(String title) {
        return alertFor(TestBackends.SHARED_QUERY, title);
    }

    /** An alert of the given saved query. */
    static Alert alertFor(String queryId, String title) {
        String listingKey = "dba:" + UUID.randomUUID();
        return new Alert(
                Alert.idOf(queryId, listingKey, 1),
                queryId,
                "Racercykel under 3.000 kr.",
                listingKey,
                1,
                title,
                1250L,
                "DKK",
                "https://www.dba.dk/" + listingKey.substring(4),
                null,
                87.5,
                "relevance 0.82; 38 % under your max price",
                1_718_000_000_000L,
                1_718_000_060_000L,
                1_718_000_030_000L);
    }

    /** A copy with one field replaced, valid or not: the server is what validates. */
    static Alert with(Alert alert, String field, Object value) {
        ObjectNode node = JSON.valueToTree(alert);
        node.set(field, JSON.valueToTree(value));
        try {
            return JSON.treeToValue(node, Alert.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Alert parse(String json) {
        try {
            return JSON.readValue(json, Alert.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String batch(Alert... alerts) {
        return json(List.of(alerts));
    }
}
