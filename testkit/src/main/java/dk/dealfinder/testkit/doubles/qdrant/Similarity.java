package dk.dealfinder.testkit.doubles.qdrant;

import io.qdrant.client.grpc.Collections.Distance;

/** Scores as Qdrant reports them: higher is closer, except Euclid, which reports the distance. */
final class Similarity {

    private Similarity() {}

    static float score(Distance distance, float[] stored, float[] query) {
        switch (distance) {
            case Cosine:
                return dot(stored, normalized(query));
            case Dot:
                return dot(stored, query);
            case Euclid:
                double sum = 0;
                for (int i = 0; i < stored.length; i++) {
                    double d = stored[i] - query[i];
                    sum += d * d;
                }
                return (float) Math.sqrt(sum);
            default:
                throw QdrantDoubleException.unsupported("distance " + distance);
        }
    }

    /** Whether a larger score ranks first. */
    static boolean higherIsCloser(Distance distance) {
        return distance != Distance.Euclid;
    }

    static float[] normalized(float[] vector) {
        double norm = Math.sqrt(dot(vector, vector));
        if (norm == 0) {
            return vector.clone();
        }
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = (float) (vector[i] / norm);
        }
        return unit;
    }

    private static float dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return (float) sum;
    }
}
