package dk.dealfinder.udfs.inference.triton;

import java.io.Serializable;
import java.time.Duration;
import java.util.Set;
import org.apache.flink.util.Preconditions;

/**
 * CLIP on a Triton (or any KServe v2) server.
 *
 * @param target gRPC {@code host:port}, e.g. {@code triton:8001}
 * @param imageModel model taking {@code pixel_values} FP32 [N,3,224,224], giving {@code
 *     image_embeds} FP32 [N,D]
 * @param textModel model taking {@code text} BYTES [N], giving {@code text_embeds} FP32 [N,D]
 * @param allowedImageHosts the only hosts images are downloaded from (the marketplace's image CDN)
 * @param maxImageBytes larger images are not downloaded
 * @param timeout per download and per gRPC call
 * @param failuresToOpen consecutive failures after which Triton is not called for {@code openFor}
 */
public record ClipSettings(
        String target,
        String imageModel,
        String textModel,
        Set<String> allowedImageHosts,
        int maxImageBytes,
        Duration timeout,
        int failuresToOpen,
        Duration openFor)
        implements Serializable {

    public ClipSettings {
        Preconditions.checkArgument(
                target != null && target.contains(":"), "clip.target must be host:port");
        allowedImageHosts = Set.copyOf(allowedImageHosts);
        Preconditions.checkArgument(maxImageBytes > 0, "clip.maxImageBytes must be positive");
        Preconditions.checkArgument(failuresToOpen >= 1, "clip.failuresToOpen must be >= 1");
    }
}
