package dk.dealfinder.scraper.testframe;

import static org.apache.flink.runtime.testutils.CommonTestUtils.terminateJob;
import static org.apache.flink.runtime.testutils.CommonTestUtils.waitForJobStatus;
import static org.apache.flink.util.Preconditions.checkNotNull;
import static org.assertj.core.api.Assertions.assertThat;

import dk.dealfinder.core.model.RawListing;
import dk.dealfinder.testkit.Await;
import dk.dealfinder.testkit.marketplace.ServedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.connector.testframe.environment.MiniClusterTestEnvironment;
import org.apache.flink.connector.testframe.environment.TestEnvironment;
import org.apache.flink.connector.testframe.environment.TestEnvironmentSettings;
import org.apache.flink.connector.testframe.external.source.DataStreamSourceExternalContext;
import org.apache.flink.connector.testframe.external.source.TestingSourceSettings;
import org.apache.flink.connector.testframe.junit.annotations.TestContext;
import org.apache.flink.connector.testframe.junit.annotations.TestEnv;
import org.apache.flink.connector.testframe.junit.annotations.TestExternalSystem;
import org.apache.flink.connector.testframe.junit.annotations.TestSemantics;
import org.apache.flink.connector.testframe.testsuites.SourceTestSuiteBase;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.JobListener;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flink's connector test suite ({@link SourceTestSuiteBase}) run against the {@link
 * dk.dealfinder.scraper.ScraperSource}: single and multiple feeds, an idle reader, stop with a
 * savepoint and restore at the same, a higher and a lower parallelism, a TaskManager failure and
 * the {@code numRecordsIn} metric, all exactly-once, on a MiniCluster scraping the local
 * marketplace.
 *
 * <p>One case of our own follows them: a feed retired after a restore at a lower parallelism.
 *
 * <p>The scraper is unbounded, and three of the suite's cases need a source that ends (they wait
 * for the job to finish). Those three are overridden below to do the same reading on the unbounded
 * source: wait until every ad has arrived, exactly once and in publication order per feed, then
 * cancel the job. Scraped records are compared with the written ones through {@link
 * ScraperSourceExternalContext#asWritten(RawListing)}, which blanks the fields only a scrape knows.
 * A case that loses records would wait for them forever (the framework has no deadline), hence the
 * timeout; each case takes seconds.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ScraperSourceTestSuiteITCase extends SourceTestSuiteBase<RawListing> {

    private static final Logger LOG = LoggerFactory.getLogger(ScraperSourceTestSuiteITCase.class);

    @TestEnv final SuiteMiniCluster flink = new SuiteMiniCluster();

    @TestExternalSystem
    final LocalMarketplaceExternalSystem marketplace = new LocalMarketplaceExternalSystem();

    @TestContext
    final ScraperSourceExternalContext.Factory contexts =
            new ScraperSourceExternalContext.Factory(marketplace);

    @TestSemantics
    final CheckpointingMode[] semantics = new CheckpointingMode[] {CheckpointingMode.EXACTLY_ONCE};

    @AfterEach
    void cancelJobsLeftRunning() throws Exception {
        flink.cancelJobsLeftRunning();
    }

    /** The base case waits for a bounded job to finish; this one reads one feed, parallelism 1. */
    @TestTemplate
    @DisplayName("Test source with single split")
    @Override
    public void testSourceSingleSplit(
            TestEnvironment testEnv,
            DataStreamSourceExternalContext<RawListing> context,
            CheckpointingMode semantic)
            throws Exception {
        readEveryAdThenCancel(testEnv, context, semantic, 1, 1);
    }

    /**
     * The base case waits for a bounded job to finish; this one reads four feeds, parallelism 4.
     */
    @TestTemplate
    @DisplayName("Test source with multiple splits")
    @Override
    public void testMultipleSplits(
            TestEnvironment testEnv,
            DataStreamSourceExternalContext<RawListing> context,
            CheckpointingMode semantic)
            throws Exception {
        readEveryAdThenCancel(testEnv, context, semantic, 4, 4);
    }

    /**
     * The base case checks that an idle reader is told "no more splits" so a bounded job can
     * finish. An unbounded reader without feeds simply waits for one, so this reads four feeds at
     * parallelism 5 and checks that the reader left without a feed holds nothing up.
     */
    @TestTemplate
    @DisplayName("Test source with at least one idle parallelism")
    @Override
    public void testIdleReader(
            TestEnvironment testEnv,
            DataStreamSourceExternalContext<RawListing> context,
            CheckpointingMode semantic)
            throws Exception {
        readEveryAdThenCancel(testEnv, context, semantic, 4, 5);
    }

    /**
     * Not one of the suite's cases: feeds come and go with saved queries, so a feed retired after a
     * restore at another parallelism must stop being polled like any other. Flink deals restored
     * feeds out to readers anew, so the enumerator sends retirements (and new terms) to every
     * reader; when it sent them to reader {@code hash(feed) % parallelism}, which may not hold the
     * feed, this failed about 7 runs in 8.
     */
    @TestTemplate
    @DisplayName("Test retired feeds stop after restarting with a lower parallelism")
    void testRetiredFeedsStopAfterScaleDown(
            TestEnvironment testEnv,
            ScraperSourceExternalContext context,
            CheckpointingMode semantic)
            throws Exception {
        TestingSourceSettings settings = unbounded(semantic);
        int feeds = 4;
        writeFeeds(context, settings, feeds);
        JobClient job = runScraper(testEnv, context, settings, null, feeds);
        for (int i = 0; i < feeds; i++) {
            awaitPolls(context.feedTerm(i), 2);
        }
        String savepoint =
                job.stopWithSavepoint(
                                false, testEnv.getCheckpointUri(), SavepointFormatType.CANONICAL)
                        .get(30, TimeUnit.SECONDS);
        waitForJobStatus(job, List.of(JobStatus.FINISHED));

        JobClient restart = runScraper(testEnv, context, settings, savepoint, 2);
        for (int i = 0; i < feeds; i++) {
            awaitPolls(context.feedTerm(i), 2);
        }
        for (int i = 1; i < feeds; i++) {
            context.pauseFeed(i);
        }
        // Feed 0 stays live and is the clock: ten of its polls leave time for the retirements.
        awaitPolls(context.feedTerm(0), 10);
        long[] retiredPolls = new long[feeds];
        for (int i = 1; i < feeds; i++) {
            retiredPolls[i] = searchesFor(context.feedTerm(i));
        }
        awaitPolls(context.feedTerm(0), 10);
        for (int i = 1; i < feeds; i++) {
            assertThat(searchesFor(context.feedTerm(i)))
                    .as("searches of retired feed %s, beyond one in flight", i)
                    .isLessThanOrEqualTo(retiredPolls[i] + 1);
        }
        terminateJob(restart);
        waitForJobStatus(restart, List.of(JobStatus.CANCELED));
    }

    private JobClient runScraper(
            TestEnvironment testEnv,
            ScraperSourceExternalContext context,
            TestingSourceSettings settings,
            String savepoint,
            int parallelism)
            throws Exception {
        StreamExecutionEnvironment env =
                testEnv.createExecutionEnvironment(
                        TestEnvironmentSettings.builder()
                                .setSavepointRestorePath(savepoint)
                                .build());
        env.enableCheckpointing(50);
        env.fromSource(
                        tryCreateSource(context, settings),
                        WatermarkStrategy.noWatermarks(),
                        "Tested Source")
                .uid("scraper")
                .setParallelism(parallelism)
                .sinkTo(new DiscardingSink<>())
                .uid("discard");
        JobClient job = submitJob(env, "Scraper at parallelism " + parallelism);
        waitForJobStatus(job, List.of(JobStatus.RUNNING));
        return job;
    }

    private void awaitPolls(String term, int polls) {
        long before = searchesFor(term);
        Await.until(
                Duration.ofSeconds(30),
                polls + " more searches for " + term,
                () -> searchesFor(term) >= before + polls);
    }

    private long searchesFor(String term) {
        return marketplace.marketplace().servedRequests().stream()
                .map(ServedRequest::path)
                .filter(path -> path.contains("/api/search/") && path.contains("q=" + term))
                .count();
    }

    /**
     * Compares what the seller wrote: ad id, URL, publish time, photos and fetch time differ. On a
     * mismatch the framework describes it by reading the results to their end, which an unbounded
     * source never reaches; so the results end here after {@code limit} records, and a mismatch
     * fails with its description instead of hanging until the timeout.
     */
    @Override
    protected void checkResultWithSemantic(
            CloseableIterator<RawListing> results,
            List<List<RawListing>> testData,
            CheckpointingMode semantic,
            Integer limit) {
        checkNotNull(limit, "an unbounded source needs a limit on the records to check");
        super.checkResultWithSemantic(new AsWritten(results, limit), testData, semantic, limit);
    }

    private void readEveryAdThenCancel(
            TestEnvironment testEnv,
            DataStreamSourceExternalContext<RawListing> context,
            CheckpointingMode semantic,
            int feeds,
            int parallelism)
            throws Exception {
        TestingSourceSettings settings = unbounded(semantic);
        List<List<RawListing>> ads = writeFeeds(context, settings, feeds);
        StreamExecutionEnvironment env =
                testEnv.createExecutionEnvironment(
                        TestEnvironmentSettings.builder()
                                .setConnectorJarPaths(context.getConnectorJarPaths())
                                .build());
        DataStream<RawListing> stream =
                env.fromSource(
                                tryCreateSource(context, settings),
                                WatermarkStrategy.noWatermarks(),
                                "Tested Source")
                        .setParallelism(parallelism);
        CloseableIterator<RawListing> results = stream.collectAsync();
        JobClient job = submitJob(env, "Scraper " + feeds + " feeds, parallelism " + parallelism);
        try {
            checkResultWithSemantic(results, ads, semantic, getTestDataSize(ads));
        } finally {
            // Cancel before closing the results: closing them first fails the job.
            terminateJob(job);
            waitForJobStatus(job, List.of(JobStatus.CANCELED));
            results.close();
        }
    }

    private static TestingSourceSettings unbounded(CheckpointingMode semantic) {
        return TestingSourceSettings.builder()
                .setBoundedness(Boundedness.CONTINUOUS_UNBOUNDED)
                .setCheckpointingMode(semantic)
                .build();
    }

    /** Publishes ads for {@code feeds} new feeds; returns them by feed. */
    private List<List<RawListing>> writeFeeds(
            DataStreamSourceExternalContext<RawListing> context,
            TestingSourceSettings settings,
            int feeds) {
        List<List<RawListing>> ads = new ArrayList<>();
        for (int i = 0; i < feeds; i++) {
            ads.add(generateAndWriteTestData(i, context, settings));
        }
        return ads;
    }

    /**
     * The suite's MiniCluster, running every job with generic types off as all our Flink tests do.
     * It remembers the jobs it ran, so a case that fails with its job still running (the base class
     * leaves it running when an assertion fails) does not starve the next case of slots.
     */
    private static final class SuiteMiniCluster extends MiniClusterTestEnvironment {

        private final List<JobClient> jobs = new CopyOnWriteArrayList<>();

        @Override
        public StreamExecutionEnvironment createExecutionEnvironment(
                TestEnvironmentSettings settings) {
            StreamExecutionEnvironment env = super.createExecutionEnvironment(settings);
            env.configure(new Configuration().set(PipelineOptions.GENERIC_TYPES, false));
            env.registerJobListener(
                    new JobListener() {
                        @Override
                        public void onJobSubmitted(JobClient job, Throwable failure) {
                            if (job != null) {
                                jobs.add(job);
                            }
                        }

                        @Override
                        public void onJobExecuted(JobExecutionResult result, Throwable failure) {}
                    });
            return env;
        }

        void cancelJobsLeftRunning() throws Exception {
            for (JobClient job : jobs) {
                if (!job.getJobStatus().get().isGloballyTerminalState()) {
                    LOG.warn("Cancelling job {}, left running by the case", job.getJobID());
                    job.cancel().get();
                }
            }
            jobs.clear();
        }
    }

    /** The first {@code limit} scraped records, as their sellers wrote them. */
    private static final class AsWritten implements CloseableIterator<RawListing> {

        private final CloseableIterator<RawListing> scraped;
        private int left;

        AsWritten(CloseableIterator<RawListing> scraped, int limit) {
            this.scraped = scraped;
            this.left = limit;
        }

        @Override
        public boolean hasNext() {
            return left > 0 && scraped.hasNext();
        }

        @Override
        public RawListing next() {
            if (left <= 0) {
                throw new NoSuchElementException();
            }
            left--;
            return ScraperSourceExternalContext.asWritten(scraped.next());
        }

        @Override
        public void close() throws Exception {
            scraped.close();
        }
    }
}
