package dk.dealfinder.sink.qdrant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dk.dealfinder.core.config.QdrantConfig.OnRemoved;
import dk.dealfinder.core.model.ChangeKind;
import dk.dealfinder.core.model.EmbeddedListing;
import dk.dealfinder.core.model.ListingChange;
import dk.dealfinder.sink.qdrant.QdrantWrite.Kind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class QdrantPointUpdatesTest {

    private static final String AD = "dba.dk:ad1";
    private static final Duration MEMORY = Duration.ofDays(30);

    private static KeyedTwoInputStreamOperatorTestHarness<
                    String, EmbeddedListing, PointUpdate, QdrantWrite>
            harness(OnRemoved onRemoved) throws Exception {
        return new KeyedTwoInputStreamOperatorTestHarness<>(
                new KeyedCoProcessOperator<>(new QdrantPointUpdates(onRemoved, MEMORY)),
                e -> e.listing().listingKey(),
                PointUpdate::listingKey,
                Types.STRING);
    }

    private static void embedded(
            KeyedTwoInputStreamOperatorTestHarness<
                            String, EmbeddedListing, PointUpdate, QdrantWrite>
                    h,
            int version)
            throws Exception {
        h.processElement1(TestListings.embedded(1, version), 0);
    }

    private static void update(
            KeyedTwoInputStreamOperatorTestHarness<
                            String, EmbeddedListing, PointUpdate, QdrantWrite>
                    h,
            PointUpdate update)
            throws Exception {
        h.processElement2(update, 0);
    }

    private static PointUpdate verdict(String queryId, String verdict, long at) {
        return PointUpdate.verdict(AD, queryId, verdict, at);
    }

    private static PointUpdate lifecycle(ChangeKind kind, int version) {
        return PointUpdate.of(
                new ListingChange(
                        TestListings.embedded(1, version).listing(), kind, 1001L, version * 10L));
    }

    @Test
    void aVerdictBeforeTheUpsertTravelsWithIt() throws Exception {
        try (var h = harness(OnRemoved.DEACTIVATE)) {
            h.open();
            update(h, verdict("phones", "RELEVANT", 1));
            update(h, verdict("bikes", "IRRELEVANT", 1));
            embedded(h, 1);

            assertThat(h.extractOutputValues())
                    .singleElement()
                    .satisfies(
                            w -> {
                                assertThat(w.kind()).isEqualTo(Kind.UPSERT);
                                assertThat(w.active()).isTrue();
                                assertThat(w.verdicts())
                                        .containsExactlyInAnyOrderEntriesOf(
                                                Map.of(
                                                        "phones",
                                                        "RELEVANT",
                                                        "bikes",
                                                        "IRRELEVANT"));
                            });
        }
    }

    @Test
    void aVerdictAfterTheUpsertSetsAllVerdictsAndAnUnchangedOneWritesNothing() throws Exception {
        try (var h = harness(OnRemoved.DEACTIVATE)) {
            h.open();
            update(h, verdict("phones", "RELEVANT", 1));
            embedded(h, 1);
            update(h, verdict("bikes", "ACCESSORY", 2));
            update(h, verdict("bikes", "ACCESSORY", 3));
            // A verdict on an older observation loses to the newer one.
            update(h, verdict("phones", "IRRELEVANT", 0));

            assertThat(h.extractOutputValues())
                    .extracting(QdrantWrite::kind, QdrantWrite::verdicts)
                    .containsExactly(
                            tuple(Kind.UPSERT, Map.of("phones", "RELEVANT")),
                            tuple(
                                    Kind.SET_VERDICTS,
                                    Map.of("phones", "RELEVANT", "bikes", "ACCESSORY")));
        }
    }

    @Test
    void anOlderEmbeddingArrivingLateIsDropped() throws Exception {
        try (var h = harness(OnRemoved.DEACTIVATE)) {
            h.open();
            embedded(h, 2);
            embedded(h, 1);
            embedded(h, 3);

            assertThat(h.extractOutputValues())
                    .extracting(w -> w.embedded().listing().version())
                    .containsExactly(2, 3);
        }
    }

    @Test
    void aRemovedListingIsDeactivatedAndAnEmbeddingStillOnItsWayStaysInactive() throws Exception {
        try (var h = harness(OnRemoved.DEACTIVATE)) {
            h.open();
            update(h, verdict("phones", "RELEVANT", 1));
            update(h, lifecycle(ChangeKind.REMOVED, 2));
            embedded(h, 1);

            assertThat(h.extractOutputValues())
                    .extracting(QdrantWrite::kind, QdrantWrite::active)
                    .containsExactly(tuple(Kind.SET_ACTIVE, false), tuple(Kind.UPSERT, false));
            assertThat(h.extractOutputValues().get(1).verdicts()).containsKey("phones");
        }
    }

    @Test
    void aRelistedListingIsActiveAgainWithItsVerdicts() throws Exception {
        try (var h = harness(OnRemoved.DEACTIVATE)) {
            h.open();
            embedded(h, 1);
            update(h, verdict("phones", "RELEVANT", 1));
            update(h, lifecycle(ChangeKind.REMOVED, 2));
            update(h, lifecycle(ChangeKind.RELISTED, 3));
            // A removal older than the relisting is stale.
            update(h, lifecycle(ChangeKind.REMOVED, 2));
            embedded(h, 3);

            assertThat(h.extractOutputValues())
                    .extracting(QdrantWrite::kind, QdrantWrite::active)
                    .containsExactly(
                            tuple(Kind.UPSERT, true),
                            tuple(Kind.SET_VERDICTS, false),
                            tuple(Kind.SET_ACTIVE, false),
                            tuple(Kind.SET_ACTIVE, true),
                            tuple(Kind.UPSERT, true));
            assertThat(h.extractOutputValues().get(4).verdicts())
                    .isEqualTo(Map.of("phones", "RELEVANT"));
        }
    }

    @Test
    void theRelistedVersionsEmbeddingOvertakingTheRemovalLeavesItActive() throws Exception {
        for (OnRemoved onRemoved : OnRemoved.values()) {
            try (var h = harness(onRemoved)) {
                h.open();
                embedded(h, 1);
                embedded(h, 3);
                update(h, lifecycle(ChangeKind.REMOVED, 2));
                update(h, lifecycle(ChangeKind.RELISTED, 3));

                assertThat(h.extractOutputValues())
                        .as("with removed listings %s", onRemoved)
                        .extracting(QdrantWrite::kind, QdrantWrite::active)
                        .containsExactly(tuple(Kind.UPSERT, true), tuple(Kind.UPSERT, true));
            }
        }
    }

    @Test
    void inDeleteModeARemovedListingsPointGoesAndComesBackWithItsNextVersion() throws Exception {
        try (var h = harness(OnRemoved.DELETE)) {
            h.open();
            embedded(h, 1);
            update(h, lifecycle(ChangeKind.REMOVED, 2));
            // The point is gone: a verdict now waits for the next upsert.
            update(h, verdict("phones", "RELEVANT", 5));
            update(h, lifecycle(ChangeKind.RELISTED, 3));
            embedded(h, 3);

            assertThat(h.extractOutputValues())
                    .extracting(QdrantWrite::kind)
                    .containsExactly(Kind.UPSERT, Kind.DELETE, Kind.UPSERT);
            QdrantWrite back = h.extractOutputValues().get(2);
            assertThat(back.active()).isTrue();
            assertThat(back.verdicts()).isEqualTo(Map.of("phones", "RELEVANT"));
        }
    }

    @Test
    void inDeleteModeAnEmbeddingOfARemovedVersionIsNotWritten() throws Exception {
        try (var h = harness(OnRemoved.DELETE)) {
            h.open();
            update(h, lifecycle(ChangeKind.REMOVED, 2));
            embedded(h, 1);

            assertThat(h.extractOutputValues())
                    .extracting(QdrantWrite::kind)
                    .containsExactly(Kind.DELETE);
        }
    }

    @Test
    void verdictsAndPointStateSurviveARestore() throws Exception {
        OperatorSubtaskState snapshot;
        try (var h = harness(OnRemoved.DEACTIVATE)) {
            h.open();
            embedded(h, 1);
            update(h, verdict("phones", "RELEVANT", 1));
            snapshot = h.snapshot(1, 1);
        }
        try (var restored = harness(OnRemoved.DEACTIVATE)) {
            restored.initializeState(snapshot);
            restored.open();
            update(restored, verdict("bikes", "IRRELEVANT", 2));
            embedded(restored, 1);

            assertThat(restored.extractOutputValues())
                    .singleElement()
                    .satisfies(
                            w -> {
                                assertThat(w.kind()).isEqualTo(Kind.SET_VERDICTS);
                                assertThat(w.verdicts())
                                        .isEqualTo(
                                                Map.of(
                                                        "phones", "RELEVANT",
                                                        "bikes", "IRRELEVANT"));
                            });
        }
    }

    @Test
    void aListingForgottenAfterItsMemoryStartsAfresh() throws Exception {
        try (var h = harness(OnRemoved.DEACTIVATE)) {
            h.setStateTtlProcessingTime(0);
            h.open();
            embedded(h, 1);
            update(h, verdict("phones", "RELEVANT", 1));
            h.setStateTtlProcessingTime(MEMORY.toMillis() + 1);
            update(h, verdict("bikes", "IRRELEVANT", 2));
            embedded(h, 1);

            // Version 1 is written again (nothing says it was), without the forgotten verdict.
            assertThat(h.extractOutputValues())
                    .extracting(QdrantWrite::kind, QdrantWrite::verdicts)
                    .containsExactly(
                            tuple(Kind.UPSERT, Map.of()),
                            tuple(Kind.SET_VERDICTS, Map.of("phones", "RELEVANT")),
                            tuple(Kind.UPSERT, Map.of("bikes", "IRRELEVANT")));
        }
    }

    @Test
    void theStreamTypesHaveFlinkSerializersOfTheirOwn() throws Exception {
        SerializerConfigImpl noKryo = new SerializerConfigImpl();
        noKryo.setGenericTypes(false);
        for (Class<?> type :
                List.of(
                        QdrantWrite.class,
                        PointUpdate.class,
                        QdrantPointUpdates.PointState.class)) {
            assertThat(TypeInformation.of(type)).isInstanceOf(PojoTypeInfo.class);
        }
        TypeSerializer<QdrantWrite> serializer =
                TypeInformation.of(QdrantWrite.class).createSerializer(noKryo);
        QdrantWrite write =
                QdrantWrite.upsert(TestListings.embedded(1, 2), Map.of("phones", "RELEVANT"), true);
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(write, out);
        QdrantWrite copy = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));

        assertThat(copy.verdicts()).isEqualTo(write.verdicts());
        assertThat(copy.embedded().vector()).isEqualTo(write.embedded().vector());
        assertThat(copy.embedded().listing()).isEqualTo(write.embedded().listing());
        assertThat(TypeInformation.of(PointUpdate.class).createSerializer(noKryo)).isNotNull();
    }
}
