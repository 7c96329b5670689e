package dk.dealfinder.udfs.dedup;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * The 64-bit difference hash (dHash) of an image: shrink to 9×8 grey pixels and set one bit per
 * pixel that is brighter than its right neighbour. Re-encoding, rescaling and small edits flip few
 * bits, so near-identical photos are a small Hamming distance apart.
 */
public final class DifferenceHash {

    private static final int WIDTH = 9;
    private static final int HEIGHT = 8;

    private DifferenceHash() {}

    /**
     * @throws IOException when the bytes are not an image {@link ImageIO} can read
     */
    public static long of(byte[] imageBytes) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(imageBytes));
        if (image == null) {
            throw new IOException("not a readable image (" + imageBytes.length + " bytes)");
        }
        return of(image);
    }

    public static long of(BufferedImage image) {
        BufferedImage small = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = small.createGraphics();
        try {
            g.setRenderingHint(
                    RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, WIDTH, HEIGHT, null);
        } finally {
            g.dispose();
        }
        long hash = 0;
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH - 1; x++) {
                int left = small.getRaster().getSample(x, y, 0);
                int right = small.getRaster().getSample(x + 1, y, 0);
                hash = (hash << 1) | (left > right ? 1 : 0);
            }
        }
        return hash;
    }

    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }
}
