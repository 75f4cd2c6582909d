package vn.smartprovince.dossiers.lookup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.smartprovince.dossiers.core.ActorRole;
import vn.smartprovince.dossiers.core.Dossier;
import vn.smartprovince.dossiers.core.DossierAction;
import vn.smartprovince.dossiers.core.DossierStatus;
import vn.smartprovince.dossiers.core.DossierStore;
import vn.smartprovince.dossiers.core.TimelineEntry;
import vn.smartprovince.dossiers.forms.FormFixtures;
import vn.smartprovince.dossiers.store.DynamoDbDossierStore;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.RateLimiter;
import vn.smartprovince.testkit.AwsEmulatorExtension;
import vn.smartprovince.testkit.MutableClock;

/** The lookup on the real store: the code claim written at receipt leads to the dossier. */
class LookupOnTheTableTest {
    @RegisterExtension
    static AwsEmulatorExtension aws = new AwsEmulatorExtension();

    @Test
    void aReceivedDossierIsFoundByTheCodeOnItsSlip() {
        DynamoDbDossierStore store = new DynamoDbDossierStore(aws.dynamoDb(), aws.tableName("MainTable"));
        Instant submitted = Instant.parse("2026-12-07T01:10:00Z");
        Dossier registered = FormFixtures.dossier().toBuilder().id("dlookup0000000000000000001").code(null)
                .agencyId(FormFixtures.WARD).status(DossierStatus.REGISTERED).version(1).submittedAt(submitted)
                .updatedAt(submitted).receivedAt(null).dueDate(null).originalDueDate(null).extension(null).result(null)
                .finishedAt(null).returnedAt(null).build();
        assertInstanceOf(DossierStore.Created.class, store.create(registered, new TimelineEntry(registered.id(), 1,
                submitted, FormFixtures.APPLICANT, ActorRole.APPLICANT, DossierAction.SUBMIT, null,
                DossierStatus.REGISTERED, null, FormFixtures.WARD, null, null, null, Map.of()), List.of(), List.of()));
        Instant at = Instant.parse("2026-12-07T02:30:00Z");
        LocalDate day = LocalDate.of(2026, 12, 7);
        long last = store.lastSequence("000.00.31.H56", day);
        Dossier received = registered.toBuilder().next(at).status(DossierStatus.RECEIVED)
                .code("000.00.31.H56-261207-" + String.format("%04d", last + 1)).receivedAt(at)
                .dueDate(LocalDate.of(2026, 12, 10)).originalDueDate(LocalDate.of(2026, 12, 10)).build();
        assertInstanceOf(DossierStore.Updated.class, store.update(new DossierStore.Change(registered, received,
                new TimelineEntry(received.id(), 2, at, FormFixtures.OFFICER, ActorRole.OFFICER, DossierAction.RECEIVE,
                        DossierStatus.REGISTERED, DossierStatus.RECEIVED, FormFixtures.WARD, FormFixtures.WARD, null, "01",
                        true, Map.of("dueDate", "2026-12-10")),
                List.of(), List.of(), new DossierStore.SequenceClaim("000.00.31.H56", day, last))));

        DossierLookup lookup = new DossierLookup(store, new RateLimiter(aws.dynamoDb(), aws.tableName("MainTable"),
                new MutableClock(Instant.parse("2026-12-08T03:00:00Z"))), FormFixtures::config);
        LookupView view = lookup.lookup(received.code(), "5678", "203.113.130.90");
        assertEquals(2, view.status().code());
        assertEquals("2026-12-10", view.dueDate());
        assertEquals("Nguyễn T. B. <. &. \".", view.subject().maskedName());
        assertNotNull(view.details());
        assertEquals(List.of("SUBMIT", "RECEIVE"), view.details().steps().stream().map(LookupView.Step::step).toList());
        assertEquals(404, assertThrows(ApiException.class,
                () -> lookup.lookup("000.00.31.H56-261207-" + String.format("%04d", last + 2), null, "203.113.130.90"))
                .code().status());
    }
}
