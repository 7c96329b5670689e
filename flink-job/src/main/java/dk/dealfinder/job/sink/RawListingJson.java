package dk.dealfinder.job.sink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.dealfinder.core.model.RawListing;
import java.io.IOException;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/** Raw listings as JSON on the archive topic, so a replay reads exactly what was scraped. */
public final class RawListingJson
        implements SerializationSchema<RawListing>, DeserializationSchema<RawListing> {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public byte[] serialize(RawListing listing) {
        try {
            return JSON.writeValueAsBytes(listing);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a RawListing always serializes", e);
        }
    }

    @Override
    public RawListing deserialize(byte[] message) throws IOException {
        return JSON.readValue(message, RawListing.class);
    }

    @Override
    public boolean isEndOfStream(RawListing next) {
        return false;
    }

    @Override
    public TypeInformation<RawListing> getProducedType() {
        return TypeInformation.of(RawListing.class);
    }
}
