package dk.dealfinder.alertserver;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The one Jackson configuration for HTTP bodies and stored alerts. */
final class AlertJson {

    private AlertJson() {}

    static ObjectMapper mapper() {
        return JsonMapper.builder()
                // A newer job may send fields this server does not know yet; keep accepting.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // "score": null must be an error, not a silent 0.
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }
}
