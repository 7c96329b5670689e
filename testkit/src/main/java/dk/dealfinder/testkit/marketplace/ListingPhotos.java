package dk.dealfinder.testkit.marketplace;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;

/**
 * Draws an ad's photos: tiles, stripes and shapes whose colours and positions come from the photo's
 * seed. A repost carries its original's seeds, so it serves the same bytes, while two different
 * items look different enough for a perceptual hash to tell them apart.
 */
final class ListingPhotos {

    private static final int TILE_COLUMNS = 9;
    private static final int TILE_ROWS = 8;

    private final Map<Long, byte[]> rendered = new ConcurrentHashMap<>();

    byte[] jpeg(long seed) {
        return rendered.computeIfAbsent(seed, ListingPhotos::render);
    }

    private static byte[] render(long seed) {
        BufferedImage image =
                new BufferedImage(
                        ItemPageHtml.IMAGE_WIDTH,
                        ItemPageHtml.IMAGE_HEIGHT,
                        BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        Graphics2D canvas = image.createGraphics();
        try {
            drawTiles(canvas, random, image.getWidth(), image.getHeight());
            drawStripes(canvas, random, image.getWidth(), image.getHeight());
            drawShapes(canvas, random, image.getWidth(), image.getHeight());
        } finally {
            canvas.dispose();
        }
        return encode(image);
    }

    /**
     * A background of 9 x 8 tiles of random brightness, the grid a difference hash shrinks a photo
     * to, so two items' hashes differ in about half their bits; a plain background left only the
     * stripes and shapes to tell photos apart, and one in ten of 500 photos came within 3 bits of
     * another.
     */
    private static void drawTiles(Graphics2D canvas, Random random, int width, int height) {
        for (int row = 0; row < TILE_ROWS; row++) {
            for (int column = 0; column < TILE_COLUMNS; column++) {
                canvas.setColor(randomColor(random));
                int x = column * width / TILE_COLUMNS;
                int y = row * height / TILE_ROWS;
                canvas.fillRect(
                        x,
                        y,
                        (column + 1) * width / TILE_COLUMNS - x,
                        (row + 1) * height / TILE_ROWS - y);
            }
        }
    }

    /** Wide bands of contrasting brightness: they dominate a downscaled difference hash. */
    private static void drawStripes(Graphics2D canvas, Random random, int width, int height) {
        int stripes = 3 + random.nextInt(4);
        boolean vertical = random.nextBoolean();
        for (int i = 0; i < stripes; i++) {
            canvas.setColor(randomColor(random));
            if (vertical) {
                canvas.fillRect(random.nextInt(width), 0, 10 + random.nextInt(width / 4), height);
            } else {
                canvas.fillRect(0, random.nextInt(height), width, 10 + random.nextInt(height / 4));
            }
        }
    }

    private static void drawShapes(Graphics2D canvas, Random random, int width, int height) {
        int shapes = 2 + random.nextInt(3);
        for (int i = 0; i < shapes; i++) {
            canvas.setColor(randomColor(random));
            int x = random.nextInt(width);
            int y = random.nextInt(height);
            int w = 30 + random.nextInt(width / 2);
            int h = 30 + random.nextInt(height / 2);
            if (random.nextBoolean()) {
                canvas.fillOval(x - w / 2, y - h / 2, w, h);
            } else {
                canvas.fillRect(x - w / 2, y - h / 2, w, h);
            }
        }
    }

    private static Color randomColor(Random random) {
        return Color.getHSBColor(
                random.nextFloat(),
                0.3f + random.nextFloat() * 0.7f,
                0.15f + random.nextFloat() * 0.85f);
    }

    private static byte[] encode(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try {
            if (!ImageIO.write(image, "jpg", out)) {
                throw new IllegalStateException("this JDK has no JPEG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }
}
