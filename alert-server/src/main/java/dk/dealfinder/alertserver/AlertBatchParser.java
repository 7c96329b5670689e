package dk.dealfinder.alertserver;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.dealfinder.core.model.Alert;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an ingest body (a JSON array of alerts, or one alert object) into validated {@link Alert}s,
 * or an {@link InvalidAlertException} that names the offending field.
 */
final class AlertBatchParser {

    static final int MAX_BATCH = 1000;

    private final ObjectMapper mapper;

    AlertBatchParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    List<Alert> parse(byte[] body) {
        JsonNode root = readTree(body);
        if (root.isObject()) {
            return List.of(toAlert(root, ""));
        }
        if (!root.isArray()) {
            throw new InvalidAlertException(
                    "invalid request", "", "expected a JSON array of alerts or one alert object");
        }
        if (root.size() > MAX_BATCH) {
            throw new InvalidAlertException(
                    "invalid request", "", "at most " + MAX_BATCH + " alerts per request");
        }
        List<Alert> alerts = new ArrayList<>(root.size());
        for (int i = 0; i < root.size(); i++) {
            String prefix = "[" + i + "]";
            JsonNode element = root.get(i);
            if (!element.isObject()) {
                throw new InvalidAlertException("invalid alert", prefix, "must be a JSON object");
            }
            alerts.add(toAlert(element, prefix + "."));
        }
        return alerts;
    }

    private JsonNode readTree(byte[] body) {
        try {
            JsonNode root = body.length == 0 ? null : mapper.readTree(body);
            if (root == null || root.isMissingNode()) {
                throw new InvalidAlertException("malformed JSON", "", "empty body");
            }
            return root;
        } catch (JacksonException e) {
            throw new InvalidAlertException("malformed JSON", "", e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidAlertException("malformed JSON", "", e.getMessage());
        }
    }

    private Alert toAlert(JsonNode node, String prefix) {
        Alert alert;
        try {
            alert = mapper.treeToValue(node, Alert.class);
        } catch (JsonMappingException e) {
            throw new InvalidAlertException(
                    "invalid alert", join(prefix, fieldOf(e)), e.getOriginalMessage());
        } catch (JacksonException e) {
            throw new InvalidAlertException(
                    "invalid alert", join(prefix, ""), e.getOriginalMessage());
        }
        AlertValidator.validate(alert, prefix);
        return alert;
    }

    private static String join(String prefix, String field) {
        return field.isEmpty() && prefix.endsWith(".")
                ? prefix.substring(0, prefix.length() - 1)
                : prefix + field;
    }

    private static String fieldOf(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                field.append(field.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }
}
