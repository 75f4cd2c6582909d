package vn.smartprovince.dossiers.deadlines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.smartprovince.dossiers.core.ActorRole;
import vn.smartprovince.dossiers.core.Dossier;
import vn.smartprovince.dossiers.core.DossierAction;
import vn.smartprovince.dossiers.core.DossierStatus;
import vn.smartprovince.dossiers.core.DossierStore;
import vn.smartprovince.dossiers.core.TimelineEntry;
import vn.smartprovince.dossiers.forms.FormFixtures;
import vn.smartprovince.dossiers.store.DynamoDbDossierStore;
import vn.smartprovince.shared.auth.AgencyOfficers;
import vn.smartprovince.shared.auth.UserItems;
import vn.smartprovince.shared.notify.Outbox;
import vn.smartprovince.shared.stats.DossierCounterKeys;
import vn.smartprovince.testkit.AwsEmulatorExtension;
import vn.smartprovince.testkit.Events;
import vn.smartprovince.testkit.Handlers;
import vn.smartprovince.testkit.MutableClock;

/**
 * The scheduled function on the emulator's table, from events/dossiers-lateness-schedule.json: the
 * agency's GSI2 queues, its officers on GSI1, FLAG_OVERDUE as a store transaction (counter included)
 * and reminders as outbox items written once.
 */
class LatenessOnTheTableTest {
    @RegisterExtension
    static AwsEmulatorExtension aws = new AwsEmulatorExtension();
    static final Instant NOW = Instant.parse("2026-12-09T00:00:00Z");

    static String table() {
        return aws.tableName("MainTable");
    }

    static Dossier open(String id, DossierStatus status, String due, boolean paused) {
        Instant submitted = Instant.parse("2026-12-01T02:00:00Z");
        return FormFixtures.dossier().toBuilder().id(id).code(null).agencyId(FormFixtures.WARD).status(status).version(1)
                .submittedAt(submitted).updatedAt(submitted).receivedAt(submitted).extension(null).result(null)
                .finishedAt(null).returnedAt(null).dueDate(LocalDate.parse(due)).originalDueDate(LocalDate.parse(due))
                .pausedAt(paused ? Instant.parse("2026-12-05T02:00:00Z") : null).build();
    }

    static void create(DossierStore store, Dossier d) {
        TimelineEntry entry = new TimelineEntry(d.id(), 1, d.submittedAt(), FormFixtures.APPLICANT, ActorRole.APPLICANT,
                DossierAction.SUBMIT, null, d.status(), null, d.agencyId(), null, null, null, Map.of());
        assertInstanceOf(DossierStore.Created.class, store.create(d, entry, List.of(), List.of()));
    }

    static void officer(String userId) {
        aws.dynamoDb().putItem(b -> b.tableName(table()).item(Map.of(
                "pk", AttributeValue.fromS(UserItems.userKey(userId)), "sk", AttributeValue.fromS("ROLE#OFFICER"),
                "gsi1pk", AttributeValue.fromS(UserItems.officersKey(FormFixtures.WARD)),
                "gsi1sk", AttributeValue.fromS(UserItems.userKey(userId)))));
    }

    static int outboxItems() {
        return (int) aws.dynamoDb().scanPaginator(b -> b.tableName(table())).items().stream()
                .filter(item -> Outbox.isOutboxKey(item.get("pk").s())).count();
    }

    static long counter(String field) {
        var item = aws.dynamoDb().getItem(b -> b.tableName(table()).consistentRead(true).key(Map.of(
                "pk", AttributeValue.fromS(DossierCounterKeys.agencyKey(FormFixtures.WARD)),
                "sk", AttributeValue.fromS(DossierCounterKeys.TOTAL)))).item();
        return item == null || !item.containsKey(field) ? 0 : Long.parseLong(item.get(field).n());
    }

    @Test
    void flagsOnceAndRemindsOnceOnTheRealTable() {
        DynamoDbDossierStore store = new DynamoDbDossierStore(aws.dynamoDb(), table());
        create(store, open("dlate0000000000000000000001", DossierStatus.PROCESSING, "2026-12-08", false));
        create(store, open("dtoday000000000000000000001", DossierStatus.RECEIVED, "2026-12-09", false));
        create(store, open("dpaused00000000000000000001", DossierStatus.SUPPLEMENT_REQUESTED, "2026-12-07", true));
        create(store, open("dlater00000000000000000001", DossierStatus.PROCESSING, "2026-12-15", false));
        officer("9000000000000000101");
        officer("9000000000000000102");
        int before = outboxItems();
        vn.smartprovince.dossiers.Wiring wiring = vn.smartprovince.dossiers.Wiring.of(aws.env("DossierLatenessFunction"));
        LatenessHandler handler = new LatenessHandler(new LatenessScan(store, FormFixtures::config,
                new AgencyOfficers(aws.dynamoDb(), table())::officersOf, wiring::putJobOnce, new MutableClock(NOW)));

        JsonNode counts = Handlers.invoke(handler, vn.smartprovince.shared.json.Json.read(
                Events.load("dossiers-lateness-schedule.json")));
        assertEquals(1, counts.path("overdueFlagged").asInt(), counts.toString());
        assertEquals(2, counts.path("remindersSent").asInt());
        assertEquals(1, counts.path("paused").asInt());
        Dossier late = store.find("dlate0000000000000000000001").orElseThrow();
        assertTrue(late.overdue());
        assertEquals(2, late.version());
        TimelineEntry flag = store.timeline(late.id()).get(1);
        assertEquals(DossierAction.FLAG_OVERDUE, flag.action());
        assertEquals("system", flag.actorId());
        assertEquals(1, counter(DossierCounterKeys.OVERDUE_FLAGGED));
        assertEquals(before + 2, outboxItems());
        assertFalse(store.find("dpaused00000000000000000001").orElseThrow().overdue());

        JsonNode rerun = Handlers.invoke(handler, vn.smartprovince.shared.json.Json.read(
                Events.load("dossiers-lateness-schedule.json")));
        assertEquals(0, rerun.path("overdueFlagged").asInt());
        assertEquals(0, rerun.path("remindersSent").asInt());
        assertEquals(2, rerun.path("remindersAlreadySent").asInt());
        assertEquals(before + 2, outboxItems(), "nothing queued twice");
        assertEquals(1, counter(DossierCounterKeys.OVERDUE_FLAGGED), "counted once");
        assertEquals(2, store.timeline(late.id()).size());
    }
}
