package dk.dealfinder.udfs.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class DifferenceHashTest {

    /** A photo-like picture: a background, bands and a disc placed by {@code variant}. */
    static BufferedImage picture(int width, int height, int variant) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(40 + variant * 30, 90, 160));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(230, 200 - variant * 20, 60));
        g.fillRect(width * variant / 5, 0, width / 4, height);
        g.setColor(Color.DARK_GRAY);
        g.fillOval(width / 2, height * (4 - variant) / 6, width / 3, height / 3);
        g.dispose();
        return image;
    }

    static byte[] jpeg(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    @Test
    void theSamePhotoReEncodedAndResizedHashesNearlyTheSame() throws Exception {
        long original = DifferenceHash.of(jpeg(picture(640, 480, 1)));
        long smaller = DifferenceHash.of(jpeg(picture(320, 240, 1)));

        assertThat(DifferenceHash.distance(original, DifferenceHash.of(jpeg(picture(640, 480, 1)))))
                .isZero();
        assertThat(DifferenceHash.distance(original, smaller)).isLessThanOrEqualTo(4);
    }

    @Test
    void differentPhotosAreFarApart() throws Exception {
        long a = DifferenceHash.of(jpeg(picture(640, 480, 1)));
        long b = DifferenceHash.of(jpeg(picture(640, 480, 3)));

        assertThat(DifferenceHash.distance(a, b)).isGreaterThan(10);
    }

    @Test
    void bytesThatAreNoImageAreAClearError() {
        assertThatThrownBy(() -> DifferenceHash.of("<html>404</html>".getBytes()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not a readable image");
    }

    @Test
    void hashesWithinTheDistanceShareABand() {
        HashBands bands = new HashBands(3);
        long hash = 0x0123_4567_89ab_cdefL;
        long near = hash ^ (1L << 3) ^ (1L << 20) ^ (1L << 40);

        boolean shared = false;
        for (int band = 0; band < bands.count(); band++) {
            shared |= bands.key(hash, band).equals(bands.key(near, band));
        }
        assertThat(shared).isTrue();
        assertThat(bands.key(hash, 0)).isEqualTo("0:cdef");
        assertThat(bands.key(hash, 3)).isEqualTo("3:123");
    }
}
