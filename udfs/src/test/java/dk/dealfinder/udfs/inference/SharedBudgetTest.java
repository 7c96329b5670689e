package dk.dealfinder.udfs.inference;

import static org.assertj.core.api.Assertions.assertThat;

import dk.dealfinder.testkit.SharedRedis;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.embedded.RedisServer;

/** One budget for the whole job, in real Redis, spent by several "subtasks" at once. */
class SharedBudgetTest {

    private final String prefix = "test:budget:" + UUID.randomUUID() + ":";
    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T23:00:00Z"));
    private final List<DailyBudget> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(DailyBudget::close);
    }

    /**
     * A subtask's view of a job budget of {@code limitUsd} on {@code redisUri}, of parallelism 2.
     */
    private SharedBudget subtask(String redisUri, double limitUsd) {
        var budget =
                new SharedBudget(
                        redisUri, prefix, limitUsd, new SubtaskBudget(limitUsd / 2, clock), clock);
        opened.add(budget);
        return budget;
    }

    @Test
    void subtasksSpendFromOneCounterThatSettlesAndStartsAfreshAtMidnightUtc() {
        SharedBudget a = subtask(SharedRedis.uri(), 1.0);
        SharedBudget b = subtask(SharedRedis.uri(), 1.0);

        assertThat(a.tryReserve(0.6)).isTrue();
        assertThat(b.tryReserve(0.6)).as("a's reservation counts for b").isFalse();
        assertThat(b.tryReserve(0.3)).isTrue();
        assertThat(a.spentToday()).isEqualTo(0.9, Offset.offset(1e-9));

        a.settle(0.6, 0.2);
        assertThat(b.spentToday()).isEqualTo(0.5, Offset.offset(1e-9));
        assertThat(b.tryReserve(0.5)).isTrue();
        assertThat(a.tryReserve(0.000_001)).isFalse();

        try (RedisClient redis = RedisClient.create(SharedRedis.uri())) {
            assertThat(redis.ttl(prefix + "2026-03-01"))
                    .as("the day's counter expires")
                    .isBetween(1L, Duration.ofDays(2).toSeconds());
        }
        clock.advance(Duration.ofHours(2));
        assertThat(a.spentToday()).isZero();
        assertThat(b.tryReserve(0.9)).isTrue();
    }

    @Test
    void concurrentSubtasksNeverSpendMoreThanTheLimit() throws Exception {
        List<SharedBudget> subtasks =
                List.of(subtask(SharedRedis.uri(), 1.0), subtask(SharedRedis.uri(), 1.0));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> workers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                SharedBudget budget = subtasks.get(t % 2);
                workers.add(
                        () -> {
                            int granted = 0;
                            for (int i = 0; i < 50; i++) {
                                granted += budget.tryReserve(0.01) ? 1 : 0;
                            }
                            return granted;
                        });
            }
            int granted = 0;
            for (Future<Integer> f : pool.invokeAll(workers)) {
                granted += f.get();
            }

            assertThat(granted).as("400 asks of 1 cent against 1 USD").isEqualTo(100);
            assertThat(subtasks.get(0).spentToday()).isEqualTo(1.0, Offset.offset(1e-9));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void oneSubtaskLogsTheDaysExhaustion() {
        SharedBudget a = subtask(SharedRedis.uri(), 0.1);
        SharedBudget b = subtask(SharedRedis.uri(), 0.1);

        assertThat(a.tryReserve(0.2)).isFalse();
        assertThat(b.tryReserve(0.2)).isFalse();
        assertThat(a.tryReserve(0.2)).isFalse();

        assertThat(a.loggedExhaustionToday()).isTrue();
        assertThat(b.loggedExhaustionToday()).isFalse();
        clock.advance(Duration.ofHours(2));
        assertThat(a.loggedExhaustionToday()).isFalse();
        assertThat(b.tryReserve(0.2)).isFalse();
        assertThat(b.loggedExhaustionToday()).as("a new day, a new line").isTrue();
    }

    @Test
    void whileRedisIsUnreachableASubtaskSpendsItsShareThenTheSharedCounterAgain() throws Exception {
        int port = SharedRedis.freePort();
        RedisServer redis = SharedRedis.start(port);
        String uri = "redis://127.0.0.1:" + port;
        SharedBudget budget = subtask(uri, 1.0);
        try {
            assertThat(budget.tryReserve(0.7)).isTrue();

            redis.stop();
            assertThat(budget.tryReserve(0.4)).as("its share is 0.5").isTrue();
            assertThat(budget.tryReserve(0.2)).isFalse();

            redis = SharedRedis.start(port);
            assertThat(budget.tryReserve(0.2))
                    .as("a fresh server: the shared counter starts at 0 again")
                    .isTrue();
            assertThat(budget.spentToday()).isEqualTo(0.2, Offset.offset(1e-9));
        } finally {
            redis.stop();
        }
    }
}
