package vn.smartprovince.dossiers.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.smartprovince.dossiers.core.ActorRole;
import vn.smartprovince.dossiers.core.Address;
import vn.smartprovince.dossiers.core.Applicant;
import vn.smartprovince.dossiers.core.AttachedDocument;
import vn.smartprovince.dossiers.core.Dossier;
import vn.smartprovince.dossiers.core.DossierAction;
import vn.smartprovince.dossiers.core.DossierCounters;
import vn.smartprovince.dossiers.core.DossierStatus;
import vn.smartprovince.dossiers.core.DossierStore;
import vn.smartprovince.dossiers.core.DossierStore.Change;
import vn.smartprovince.dossiers.core.DossierStore.SequenceClaim;
import vn.smartprovince.dossiers.core.InternalNote;
import vn.smartprovince.dossiers.core.OnBehalf;
import vn.smartprovince.dossiers.core.OpenRequest;
import vn.smartprovince.dossiers.core.TimelineEntry;
import vn.smartprovince.shared.notify.NotificationJob;
import vn.smartprovince.shared.notify.Outbox;
import vn.smartprovince.shared.province.DocumentType;
import vn.smartprovince.shared.province.ResultDelivery;
import vn.smartprovince.testkit.AwsEmulatorExtension;

/** The DynamoDB store against the emulator: round trips, conflicts, the race-free sequence, lists. */
class DynamoDbDossierStoreTest {
    @RegisterExtension
    static AwsEmulatorExtension aws = new AwsEmulatorExtension();

    static final Instant T0 = Instant.parse("2026-12-07T02:00:00Z");
    static final String UNIT = "000.00.00.H56";
    static final LocalDate DAY = LocalDate.of(2026, 12, 7);

    private DynamoDbDossierStore store() {
        return new DynamoDbDossierStore(aws.dynamoDb(), aws.tableName("MainTable"));
    }

    static Dossier dossier(String id, String userId, String agencyId, Instant submittedAt) {
        return new Dossier.Builder().id(id).procedureCode("1.001193").agencyId(agencyId)
                .status(DossierStatus.REGISTERED).version(1)
                .applicant(new Applicant(userId, "Nguyễn Văn An", "079123456789", "84901234567", "1980-02-03",
                        new Address("12 Lê Lợi", "25747"), Applicant.ApplicantType.CITIZEN))
                .onBehalf(new OnBehalf("Nguyễn Văn Bé", null, "2026-11-30", OnBehalf.Relationship.PARENT))
                .formData(Map.of("childName", "Nguyễn Văn Bé", "weightGrams", 3200L,
                        "placeOfBirth", Map.of("street", "Bệnh viện", "areaCode", "25747")))
                .documents(List.of(new AttachedDocument("birthCertificate", "dossier-documents/dossiers/" + id + "/0.jpg",
                        DocumentType.JPEG, 1234, submittedAt, false)))
                .resultDelivery(ResultDelivery.POST).deliveryAddress(new Address("12 Lê Lợi", "25747"))
                .submittedAt(submittedAt).updatedAt(submittedAt).requestHash("abc").build();
    }

    static TimelineEntry entry(Dossier d, DossierAction action, DossierStatus from) {
        return new TimelineEntry(d.id(), d.version(), d.updatedAt(), d.applicant().userId(), ActorRole.APPLICANT, action,
                from, d.status(), null, d.agencyId(), null, null, null, Map.of());
    }

    static NotificationJob job(Dossier d, String kind) {
        String id = d.id() + "#v" + d.version() + "#" + kind;
        return new NotificationJob(NotificationJob.SCHEMA_VERSION, id, "DOSSIER_" + kind, d.applicant().userId(),
                "DOSSIER_RECEIVED", Map.of("dossier_code", "x"), "DOSSIER#" + id, T0, "test");
    }

    private DossierStore.CreateResult create(DossierStore store, Dossier d) {
        return store.create(d, entry(d, DossierAction.SUBMIT, null), List.of(),
                DossierCounters.add(d.agencyId(), d.procedureCode(), d.submittedAt(), "submitted", 1));
    }

    private long counter(String pk, String sk, String field) {
        var item = aws.dynamoDb().getItem(b -> b.tableName(aws.tableName("MainTable"))
                .key(DossierItems.key(pk, sk)).consistentRead(true)).item();
        return item == null || !item.containsKey(field) ? 0 : Long.parseLong(item.get(field).n());
    }

    private boolean exists(String pk, String sk) {
        return aws.dynamoDb().getItem(b -> b.tableName(aws.tableName("MainTable")).key(DossierItems.key(pk, sk))
                .consistentRead(true)).hasItem();
    }

    /** The receipt of version {@code d}: status 2, the code of {@code sequence}, a due date. */
    static Dossier received(Dossier d, LocalDate day, long sequence, Instant at) {
        return d.toBuilder().next(at).status(DossierStatus.RECEIVED)
                .code(UNIT + "-" + DossierItems.YYMMDD.format(day) + "-" + String.format("%04d", sequence)).receivedAt(at)
                .dueDate(LocalDate.of(2026, 12, 10)).originalDueDate(LocalDate.of(2026, 12, 10)).build();
    }

    @Test
    void aDossierComesBackAsItWasWrittenWithItsEntryAndCounters() {
        DynamoDbDossierStore store = store();
        Dossier d = dossier("droundtrip0000000000000001", "u1", "ubnd-xa-a", T0);
        assertInstanceOf(DossierStore.Created.class, create(store, d));
        Dossier read = store.find(d.id()).orElseThrow();
        assertEquals(d, read);
        assertEquals(3200L, read.formData().get("weightGrams"));
        assertEquals(List.of(DossierAction.SUBMIT), store.timeline(d.id()).stream().map(TimelineEntry::action).toList());
        assertEquals(1, counter(DossierCounters.agencyKey("ubnd-xa-a"), "TOTAL", "submitted"));
        assertEquals(1, counter(DossierCounters.agencyKey("ubnd-xa-a"), DossierCounters.month(T0), "submitted"));

        DossierStore.CreateResult again = create(store, d.toBuilder().requestHash("other").build());
        assertEquals(d, assertInstanceOf(DossierStore.DuplicateId.class, again).existing());
        assertEquals(1, counter(DossierCounters.agencyKey("ubnd-xa-a"), "TOTAL", "submitted"), "nothing added twice");
        assertTrue(store.find("dnothere").isEmpty());
    }

    @Test
    void aStaleVersionIsAConflictAndWritesNothing() {
        DynamoDbDossierStore store = store();
        Dossier d = dossier("dconflict00000000000000001", "u2", "ubnd-xa-b", T0);
        create(store, d);
        Dossier first = d.toBuilder().next(T0.plusSeconds(60)).status(DossierStatus.SUPPLEMENT_REQUESTED)
                .resumeStatus(DossierStatus.REGISTERED)
                .openRequest(new OpenRequest(OpenRequest.Kind.SUPPLEMENT, List.of("Ảnh mờ"), List.of("birthCertificate"),
                        null, "Chụp lại", T0.plusSeconds(60), "officer1")).build();
        var updated = store.update(new Change(d, first, entry(first, DossierAction.REQUEST_SUPPLEMENT, d.status()),
                List.of(job(first, "SUPPLEMENT")), DossierCounters.addForAgency("ubnd-xa-b", first.updatedAt(), "extended", 1),
                null));
        assertInstanceOf(DossierStore.Updated.class, updated);
        assertEquals(first, store.find(d.id()).orElseThrow());

        // a second officer still holding version 1
        Dossier second = d.toBuilder().next(T0.plusSeconds(61)).status(DossierStatus.NOT_RECEIVED).build();
        var result = store.update(new Change(d, second, entry(second, DossierAction.REFUSE, d.status()),
                List.of(job(second, "CLOSED")), DossierCounters.add("ubnd-xa-b", "1.001193", second.updatedAt(), "refused", 1),
                null));
        assertEquals(first, assertInstanceOf(DossierStore.VersionConflict.class, result).current());
        assertEquals(2, store.timeline(d.id()).size());
        assertEquals(DossierAction.REQUEST_SUPPLEMENT, store.timeline(d.id()).get(1).action());
        assertFalse(exists(Outbox.key(d.id() + "#v2#CLOSED"), Outbox.SORT_KEY), "no job of the refused write");
        assertTrue(exists(Outbox.key(d.id() + "#v2#SUPPLEMENT"), Outbox.SORT_KEY));
        assertEquals(0, counter(DossierCounters.agencyKey("ubnd-xa-b"), "TOTAL", "refused"));
        assertEquals(1, counter(DossierCounters.agencyKey("ubnd-xa-b"), "TOTAL", "extended"));
    }

    @Test
    void twentyReceiptsOfOneAgencyAndDayGetCodesOneToTwentyWithoutGap() throws Exception {
        DynamoDbDossierStore store = store();
        List<Dossier> dossiers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Dossier d = dossier(String.format("drace%021d", i), "u3", "ubnd-xa-c", T0.plusSeconds(i));
            create(store, d);
            dossiers.add(d);
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<String>> calls = new ArrayList<>();
        for (Dossier d : dossiers) {
            calls.add(() -> {
                start.await();
                for (int attempt = 0; attempt < 200; attempt++) {
                    long last = store.lastSequence(UNIT, DAY);
                    Dossier after = received(d, DAY, last + 1, T0.plusSeconds(3600));
                    var result = store.update(new Change(d, after, entry(after, DossierAction.RECEIVE, d.status()),
                            List.of(), DossierCounters.add("ubnd-xa-c", "1.001193", after.updatedAt(), "received", 1),
                            new SequenceClaim(UNIT, DAY, last)));
                    if (result instanceof DossierStore.Updated) {
                        return after.code();
                    }
                    assertInstanceOf(DossierStore.SequenceTaken.class, result);
                    // as a handler would: read the counter again, after a short random pause
                    Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextInt(5, 50));
                }
                throw new AssertionError("never got a sequence");
            });
        }
        List<String> codes = race(calls, start);
        Set<String> expected = new HashSet<>();
        for (int i = 1; i <= 20; i++) {
            expected.add(UNIT + "-261207-" + String.format("%04d", i));
        }
        assertEquals(expected, new HashSet<>(codes));
        assertEquals(20, store.lastSequence(UNIT, DAY));
        for (Dossier d : dossiers) {
            Dossier stored = store.find(d.id()).orElseThrow();
            assertEquals(d.id(), store.idForCode(stored.code()).orElseThrow());
            assertEquals(2, store.timeline(d.id()).size());
        }
        assertEquals(20, counter(DossierCounters.agencyKey("ubnd-xa-c"), "TOTAL", "received"));
    }

    @Test
    void oneDossierReceivedByTwentyOfficersAtOnceGetsExactlyOneCode() throws Exception {
        DynamoDbDossierStore store = store();
        LocalDate day = DAY.plusDays(1);
        Dossier d = dossier("dsame000000000000000000001", "u4", "ubnd-xa-d", T0);
        create(store, d);
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(() -> {
                start.await();
                for (int attempt = 0; attempt < 200; attempt++) {
                    long last = store.lastSequence(UNIT, day);
                    Dossier after = received(d, day, last + 1, T0.plusSeconds(3600));
                    var result = store.update(new Change(d, after, entry(after, DossierAction.RECEIVE, d.status()),
                            List.of(), List.of(), new SequenceClaim(UNIT, day, last)));
                    if (result instanceof DossierStore.Updated) {
                        return after.code();
                    }
                    if (result instanceof DossierStore.VersionConflict conflict) {
                        assertEquals(2, conflict.current().version());
                        return "409";
                    }
                }
                throw new AssertionError("never settled");
            });
        }
        List<String> outcomes = race(calls, start);
        assertEquals(19, outcomes.stream().filter("409"::equals).count());
        assertEquals(1, store.lastSequence(UNIT, day));
        assertEquals(2, store.timeline(d.id()).size());
        assertEquals(store.find(d.id()).orElseThrow().code(), outcomes.stream().filter(o -> !o.equals("409")).findFirst().orElseThrow());
    }

    @Test
    void myDossiersNewestFirstInPagesAndATamperedCursorIsRefused() {
        DynamoDbDossierStore store = store();
        for (int i = 0; i < 5; i++) {
            create(store, dossier(String.format("dmine%021d", i), "u5", "ubnd-xa-e", T0.plusSeconds(i)));
        }
        create(store, dossier("dother00000000000000000001", "u6", "ubnd-xa-e", T0));
        var first = store.ofApplicant("u5", null, 2);
        assertEquals(List.of("dmine000000000000000000004", "dmine000000000000000000003"),
                first.dossiers().stream().map(Dossier::id).toList());
        var second = store.ofApplicant("u5", first.nextCursor(), 2);
        assertEquals(List.of("dmine000000000000000000002", "dmine000000000000000000001"),
                second.dossiers().stream().map(Dossier::id).toList());
        var third = store.ofApplicant("u5", second.nextCursor(), 2);
        assertEquals(List.of("dmine000000000000000000000"), third.dossiers().stream().map(Dossier::id).toList());
        assertNull(third.nextCursor());
        assertThrows(IllegalArgumentException.class, () -> store.ofApplicant("u6", first.nextCursor(), 2));
        assertThrows(IllegalArgumentException.class, () -> store.ofApplicant("u5", first.nextCursor() + "x", 2));
        assertThrows(IllegalArgumentException.class, () -> store.ofApplicant("u5", "not a cursor", 2));
    }

    @Test
    void theQueueHoldsOpenDossiersOldestDeadlineFirstAndFiltersDueBefore() {
        DynamoDbDossierStore store = store();
        String agency = "ubnd-xa-f";
        List<Dossier> received = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Dossier d = dossier(String.format("dqueue%020d", i), "u7", agency, T0.plusSeconds(i));
            create(store, d);
            Dossier after = d.toBuilder().next(T0.plusSeconds(100)).status(DossierStatus.RECEIVED)
                    .dueDate(LocalDate.of(2026, 12, 20 - i * 5)).build();
            store.update(new Change(d, after, entry(after, DossierAction.RECEIVE, d.status()), List.of(), List.of(), null));
            received.add(after);
        }
        Dossier registered = dossier("dqueue99999999999999999999", "u7", agency, T0);
        create(store, registered);
        var queue = store.queue(agency, DossierStatus.RECEIVED, null, null, 2);
        assertEquals(List.of(received.get(2).id(), received.get(1).id()), queue.dossiers().stream().map(Dossier::id).toList());
        var rest = store.queue(agency, DossierStatus.RECEIVED, null, queue.nextCursor(), 2);
        assertEquals(List.of(received.get(0).id()), rest.dossiers().stream().map(Dossier::id).toList());
        assertEquals(List.of(received.get(2).id(), received.get(1).id()),
                store.queue(agency, DossierStatus.RECEIVED, LocalDate.of(2026, 12, 16), null, 10).dossiers().stream()
                        .map(Dossier::id).toList());
        assertThrows(IllegalArgumentException.class,
                () -> store.queue(agency, DossierStatus.RECEIVED, LocalDate.of(2026, 12, 16), queue.nextCursor(), 2));
        assertEquals(List.of(registered.id()),
                store.queue(agency, DossierStatus.REGISTERED, null, null, 10).dossiers().stream().map(Dossier::id).toList());

        // closed: out of every queue
        Dossier top = received.get(2);
        Dossier withdrawn = top.toBuilder().next(T0.plusSeconds(200)).status(DossierStatus.WITHDRAWN).build();
        store.update(new Change(top, withdrawn, entry(withdrawn, DossierAction.WITHDRAW, top.status()), List.of(), List.of(), null));
        assertEquals(List.of(received.get(1).id(), received.get(0).id()),
                store.queue(agency, DossierStatus.RECEIVED, null, null, 10).dossiers().stream().map(Dossier::id).toList());
        Map<String, AttributeValue> item = aws.dynamoDb().getItem(b -> b.tableName(aws.tableName("MainTable"))
                .key(DossierItems.key(DossierItems.dossierKey(top.id()), DossierItems.DOSSIER))).item();
        assertFalse(item.containsKey("gsi2pk"));
    }

    @Test
    void notesComeBackOldestFirst() {
        DynamoDbDossierStore store = store();
        store.addNote(new InternalNote("dnotes", "n2", T0.plusSeconds(5), "o1", "a", "Thứ hai"));
        store.addNote(new InternalNote("dnotes", "n1", T0, "o1", "a", "Thứ nhất"));
        assertEquals(List.of("Thứ nhất", "Thứ hai"), store.notes("dnotes").stream().map(InternalNote::text).toList());
        assertTrue(store.timeline("dnotes").isEmpty());
    }

    private static List<String> race(List<Callable<String>> calls, CountDownLatch start) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (Callable<String> call : calls) {
                futures.add(pool.submit(call));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }
}
