package dk.dealfinder.udfs.inference.triton;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * Downloads a listing photo for CLIP: only from the allowed image hosts (a listing's image URL is
 * untrusted input and must not make us fetch arbitrary addresses), only up to a size cap, then
 * centre-cropped and scaled to 224x224 and normalized with CLIP's channel means and deviations into
 * a CHW float tensor.
 */
final class ImageFetcher {

    static final int SIZE = 224;
    private static final float[] MEAN = {0.48145466f, 0.4578275f, 0.40821073f};
    private static final float[] STD = {0.26862954f, 0.26130258f, 0.27577711f};

    private final HttpClient http;
    private final Set<String> allowedHosts;
    private final int maxBytes;
    private final Duration timeout;

    ImageFetcher(Set<String> allowedHosts, int maxBytes, Duration timeout) {
        this.http =
                HttpClient.newBuilder()
                        .connectTimeout(timeout)
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build();
        this.allowedHosts = allowedHosts;
        this.maxBytes = maxBytes;
        this.timeout = timeout;
    }

    /** The photo as a [3,224,224] tensor. */
    float[] fetch(String url) throws ImageRejectedException {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new ImageRejectedException("not a URL: " + url);
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        if (!allowedHosts.contains(host) || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new ImageRejectedException("image host not allowed: " + host);
        }
        byte[] bytes = download(uri);
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new ImageRejectedException("not a readable image: " + e.getMessage());
        }
        if (image == null) {
            throw new ImageRejectedException("not a readable image");
        }
        return tensor(scaled(image));
    }

    private byte[] download(URI uri) throws ImageRejectedException {
        HttpResponse<InputStream> response;
        try {
            response =
                    http.send(
                            HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                            HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new ImageRejectedException("download failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageRejectedException("interrupted");
        }
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw new ImageRejectedException("image answered HTTP " + response.statusCode());
            }
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new ImageRejectedException("image larger than " + maxBytes + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw new ImageRejectedException("download failed: " + e.getMessage());
        }
    }

    /** Centre crop to a square, then scale to 224x224. */
    static BufferedImage scaled(BufferedImage image) {
        int side = Math.min(image.getWidth(), image.getHeight());
        int x = (image.getWidth() - side) / 2;
        int y = (image.getHeight() - side) / 2;
        BufferedImage out = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(
                RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, SIZE, SIZE, x, y, x + side, y + side, null);
        g.dispose();
        return out;
    }

    static float[] tensor(BufferedImage image) {
        float[] out = new float[3 * SIZE * SIZE];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int rgb = image.getRGB(x, y);
                int[] channels = {(rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff};
                for (int c = 0; c < 3; c++) {
                    out[c * SIZE * SIZE + y * SIZE + x] = (channels[c] / 255f - MEAN[c]) / STD[c];
                }
            }
        }
        return out;
    }

    /** An image we refuse or cannot read; the listing falls back to the text classifier. */
    static final class ImageRejectedException extends Exception {
        ImageRejectedException(String message) {
            super(message);
        }
    }
}
