package dk.dealfinder.sink.qdrant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PointOrderingTest {

    private final PointOrdering ordering = new PointOrdering();
    private final List<String> sent = new ArrayList<>();

    private PointOrdering.Turn admit(String batch, String... points) {
        PointOrdering.Turn turn = ordering.admit(List.of(points));
        turn.whenReady(failure -> sent.add(failure == null ? batch : batch + " not sent"));
        return turn;
    }

    @Test
    void aBatchWaitsForEveryEarlierBatchTouchingOneOfItsPointsAndOnlyForThose() {
        PointOrdering.Turn first = admit("first", "a", "b");
        PointOrdering.Turn second = admit("second", "c");
        PointOrdering.Turn third = admit("third", "b", "c");
        PointOrdering.Turn fourth = admit("fourth", "d");

        assertThat(sent).containsExactly("first", "second", "fourth");
        assertThat(third.waits()).isTrue();
        assertThat(fourth.waits()).isFalse();

        first.finished();
        assertThat(sent).containsExactly("first", "second", "fourth");
        second.finished();
        assertThat(sent).containsExactly("first", "second", "fourth", "third");

        third.finished();
        fourth.finished();
        assertThat(ordering.pointsInFlight()).isZero();
    }

    @Test
    void aBatchAfterAFinishedOneGoesAtOnce() {
        admit("first", "a").finished();
        PointOrdering.Turn again = admit("again", "a");

        assertThat(again.waits()).isFalse();
        assertThat(sent).containsExactly("first", "again");
    }

    @Test
    void aFailedBatchStopsTheLaterOnesToItsPoints() {
        PointOrdering.Turn first = admit("first", "a");
        admit("second", "a", "b");
        AtomicReference<Throwable> seen = new AtomicReference<>();
        ordering.admit(List.of("b")).whenReady(seen::set);

        first.failed(new IllegalStateException("rejected"));

        assertThat(sent).containsExactly("first", "second not sent");
        // The third batch waits for the second, which is not finished (its writer fails the job).
        assertThat(seen.get()).isNull();
    }
}
