package dk.dealfinder.udfs.inference;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/**
 * One budget for the whole job: the day's spend is a counter in Redis (whole micro-USD, one key per
 * UTC day, expiring after two days) that every subtask of every replica reserves from and settles
 * to. A reservation is one atomic script (read, compare with the limit, {@code INCRBY}), so
 * concurrent subtasks never push the day past the limit together. The first refusal of a day is
 * logged by one subtask only (the one that sets the day's flag key).
 *
 * <p>While Redis is unreachable the subtask spends from {@code fallback} (its share of the budget,
 * in memory), so an outage neither stops paid calls nor lets them run unbounded; the shared counter
 * is used again as soon as Redis answers.
 */
public final class SharedBudget implements DailyBudget {

    /** The key prefix the job uses; the day ({@code 2026-03-01}) follows it. */
    public static final String KEY_PREFIX = "dealfinder:llm-budget:";

    private static final Logger LOG = LoggerFactory.getLogger(SharedBudget.class);
    private static final long MICROS_PER_USD = 1_000_000;
    private static final Duration KEY_TTL = Duration.ofDays(2);

    /** KEYS[1] the day's counter; ARGV: micro-USD to reserve, the limit, the TTL in seconds. */
    private static final String RESERVE =
            "local spent = tonumber(redis.call('GET', KEYS[1]) or '0')\n"
                    + "local add = tonumber(ARGV[1])\n"
                    + "if spent + add > tonumber(ARGV[2]) then return -1 end\n"
                    + "local total = redis.call('INCRBY', KEYS[1], add)\n"
                    + "redis.call('EXPIRE', KEYS[1], ARGV[3])\n"
                    + "return total";

    /** KEYS[1] the day's counter; ARGV: the micro-USD difference, the TTL in seconds. */
    private static final String SETTLE =
            "local total = redis.call('INCRBY', KEYS[1], ARGV[1])\n"
                    + "if total < 0 then redis.call('SET', KEYS[1], 0) total = 0 end\n"
                    + "redis.call('EXPIRE', KEYS[1], ARGV[2])\n"
                    + "return total";

    private final RedisClient redis;
    private final String keyPrefix;
    private final long limitMicros;
    private final DailyBudget fallback;
    private final Clock clock;
    private LocalDate exhaustionSeen;
    private boolean exhaustionLogged;
    private boolean unreachable;

    /**
     * @param fallback what this subtask spends from while Redis is unreachable
     */
    public SharedBudget(
            String redisUri, String keyPrefix, double limitUsd, DailyBudget fallback, Clock clock) {
        this.redis = RedisClient.create(redisUri);
        this.keyPrefix = keyPrefix;
        this.limitMicros = toMicros(limitUsd);
        this.fallback = fallback;
        this.clock = clock;
    }

    @Override
    public boolean tryReserve(double estimateUsd) {
        LocalDate today = today();
        long total;
        try {
            total =
                    (Long)
                            redis.eval(
                                    RESERVE,
                                    List.of(key(today)),
                                    List.of(
                                            Long.toString(toMicros(estimateUsd)),
                                            Long.toString(limitMicros),
                                            Long.toString(KEY_TTL.toSeconds())));
        } catch (RuntimeException e) {
            unreachable(e);
            return fallback.tryReserve(estimateUsd);
        }
        reachable();
        if (total < 0) {
            exhausted(today);
            return false;
        }
        return true;
    }

    @Override
    public void settle(double reservedUsd, double actualUsd) {
        long difference = toMicros(actualUsd) - toMicros(reservedUsd);
        if (difference == 0) {
            return;
        }
        try {
            redis.eval(
                    SETTLE,
                    List.of(key(today())),
                    List.of(Long.toString(difference), Long.toString(KEY_TTL.toSeconds())));
            reachable();
        } catch (RuntimeException e) {
            unreachable(e);
            fallback.settle(reservedUsd, actualUsd);
        }
    }

    @Override
    public double spentToday() {
        try {
            String spent = redis.get(key(today()));
            return spent == null ? 0 : Long.parseLong(spent) / (double) MICROS_PER_USD;
        } catch (RuntimeException e) {
            unreachable(e);
            return fallback.spentToday();
        }
    }

    /** Whether this subtask wrote the log line for today's exhaustion (one subtask does). */
    synchronized boolean loggedExhaustionToday() {
        return exhaustionLogged && today().equals(exhaustionSeen);
    }

    @Override
    public void close() {
        redis.close();
    }

    /** Logs the day's first refusal, once for the whole job: whoever sets the day's flag. */
    private synchronized void exhausted(LocalDate today) {
        if (today.equals(exhaustionSeen)) {
            return;
        }
        exhaustionSeen = today;
        exhaustionLogged = false;
        try {
            String set =
                    redis.set(
                            key(today) + ":exhausted",
                            "1",
                            SetParams.setParams().nx().ex(KEY_TTL.toSeconds()));
            exhaustionLogged = "OK".equals(set);
        } catch (RuntimeException e) {
            exhaustionLogged = true;
        }
        if (exhaustionLogged) {
            LOG.warn(
                    "daily LLM budget of {} USD used up for the whole job: local model only until"
                            + " midnight UTC",
                    limitMicros / (double) MICROS_PER_USD);
        }
    }

    private synchronized void unreachable(RuntimeException e) {
        if (!unreachable) {
            unreachable = true;
            LOG.warn(
                    "Redis unreachable for the shared LLM budget, spending this subtask's share"
                            + " until it answers: {}",
                    e.toString());
        }
    }

    private synchronized void reachable() {
        if (unreachable) {
            unreachable = false;
            LOG.info("Redis answers again: back to the shared LLM budget");
        }
    }

    private String key(LocalDate day) {
        return keyPrefix + day;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** Whole micro-USD, rounded up: a reservation never counts for less than it costs. */
    private static long toMicros(double usd) {
        return (long) Math.ceil(usd * MICROS_PER_USD - 1e-6);
    }
}
