package dk.dealfinder.testkit.doubles.kserve;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * FP32 tensors in the KServe v2 raw encoding (little-endian, row-major), for models written as
 * doubles.
 */
public final class RawTensors {

    private RawTensors() {}

    public static ByteString fp32(float[][] rows) {
        int width = rows.length == 0 ? 0 : rows[0].length;
        ByteBuffer buf =
                ByteBuffer.allocate(rows.length * width * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] row : rows) {
            for (float x : row) {
                buf.putFloat(x);
            }
        }
        return ByteString.copyFrom(buf.array());
    }

    public static float[] fp32(ByteString raw) {
        ByteBuffer buf = raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[raw.size() / 4];
        for (int i = 0; i < out.length; i++) {
            out[i] = buf.getFloat();
        }
        return out;
    }
}
