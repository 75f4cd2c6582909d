package vn.smartprovince.dossiers.lookup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.smartprovince.dossiers.core.MapDossierStore;
import vn.smartprovince.dossiers.core.OnBehalf;
import vn.smartprovince.dossiers.forms.FormFixtures;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.RateLimiter;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.province.ProvinceConfig;
import vn.smartprovince.testkit.AwsEmulatorExtension;
import vn.smartprovince.testkit.MutableClock;

/** The public lookup against the emulator's table (the rate-limit counters are real items). */
class DossierLookupTest {
    @RegisterExtension
    static AwsEmulatorExtension aws = new AwsEmulatorExtension();
    static final ProvinceConfig CONFIG = FormFixtures.config();
    static final String CODE = FormFixtures.CODE;

    static final java.util.concurrent.atomic.AtomicInteger DAYS = new java.util.concurrent.atomic.AtomicInteger();
    MutableClock clock;
    MapDossierStore store;
    DossierLookup lookup;

    @BeforeEach
    void setUp() {
        // each test its own hour, so windows do not carry over between tests
        clock = new MutableClock(Instant.parse("2026-12-07T03:00:00Z").plus(Duration.ofDays(DAYS.incrementAndGet())));
        store = new MapDossierStore().put(FormFixtures.dossier(), FormFixtures.timeline());
        lookup = new DossierLookup(store, new RateLimiter(aws.dynamoDb(), aws.tableName("MainTable"), clock), () -> CONFIG);
    }

    @Test
    void anyoneWithTheCodeSeesTheStatusAndAMaskedName() {
        LookupView view = lookup.lookup(CODE, null, "203.113.130.10");
        assertEquals(10, view.status().code());
        assertEquals("Đã trả kết quả", view.status().name());
        assertEquals("Đăng ký khai sinh", view.procedure().name());
        assertEquals("Công an tỉnh", view.agency().name());
        assertEquals("2026-12-14", view.dueDate());
        assertTrue(view.subject().maskedName().startsWith("Nguyễn T. B. "), view.subject().maskedName());
        assertTrue(view.subject().onBehalf(), "the name is of the person it was submitted for");
        assertNull(view.details());
        assertNull(view.detailsLocked());
        String json = Json.write(view);
        assertFalse(json.contains("079123456789"), "never the CCCD");
        assertFalse(json.contains("5678"), "never the phone, not even its end");
        assertFalse(json.contains(FormFixtures.APPLICANT), "never a user id");
        assertFalse(json.contains("Văn An"));
    }

    @Test
    void theApplicantsOwnNameWhenNotOnBehalf() {
        store.put(FormFixtures.dossier().toBuilder().onBehalf(null).build(), FormFixtures.timeline());
        LookupView view = lookup.lookup(CODE.toLowerCase(), null, "203.113.130.11");
        assertEquals("Nguyễn V. A.", view.subject().maskedName());
        assertFalse(view.subject().onBehalf());
    }

    @Test
    void theRightSecondFactorUnlocksTheDetails() {
        LookupView view = lookup.lookup(CODE, "5678", "203.113.130.12");
        assertNotNull(view.details());
        assertNull(view.detailsLocked());
        assertEquals("DESK", view.details().resultDelivery().code());
        assertEquals("SUBMIT", view.details().steps().get(0).step());
        assertEquals(8, view.details().steps().size());
        assertEquals("2026-12-14", view.details().extendedTo());
        assertFalse(Json.write(view).contains("9000000000000000"), "no officer or applicant ids in the steps");
    }

    @Test
    void aWrongFactorAnswersAsNoneAndFiveLockTheCodeForTheHour() {
        LookupView wrong = lookup.lookup(CODE, "1234", "203.113.130.13");
        assertNull(wrong.details());
        assertEquals(Boolean.TRUE, wrong.detailsLocked());
        assertEquals(lookup.lookup(CODE, null, "203.113.130.13").status(), wrong.status());
        // four more wrong answers from other addresses: the code's budget is spent
        for (int i = 0; i < 4; i++) {
            lookup.lookup(CODE, "000" + i, "198.51.100." + i);
        }
        LookupView right = lookup.lookup(CODE, "5678", "192.0.2.1");
        assertNull(right.details(), "even the right factor waits out the hour");
        assertEquals(Boolean.TRUE, right.detailsLocked());
        assertEquals(10, right.status().code(), "the status stays visible");
        clock.advance(Duration.ofHours(1));
        assertNotNull(lookup.lookup(CODE, "5678", "192.0.2.1").details());
    }

    @Test
    void unknownAndMalformedCodesAreTheSame404() {
        ApiException unknown = assertThrows(ApiException.class,
                () -> lookup.lookup("000.00.31.H56-261207-0002", null, "203.113.130.14"));
        ApiException malformed = assertThrows(ApiException.class, () -> lookup.lookup("x'; drop", null, "203.113.130.14"));
        assertEquals(404, unknown.code().status());
        assertEquals(unknown.code(), malformed.code());
        assertEquals(unknown.details(), malformed.details());
        ApiException badFactor = assertThrows(ApiException.class, () -> lookup.lookup(CODE, "12a4", "203.113.130.14"));
        assertEquals("phoneLast4", badFactor.details().get(0).field());
    }

    @Test
    void thirtyLookupsPerTenMinutesPerAddressThen429WithRetryAfter() {
        for (int i = 0; i < 30; i++) {
            lookup.lookup(CODE, null, "203.113.130.15");
        }
        ApiException limited = assertThrows(ApiException.class, () -> lookup.lookup(CODE, null, "203.113.130.15"));
        assertEquals(429, limited.code().status());
        assertEquals("RATE_LIMITED", limited.details().get(0).code());
        long retryAfter = Long.parseLong(limited.headers().get("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 600);
        assertEquals(10, lookup.lookup(CODE, null, "203.113.130.16").status().code(), "another address is not held back");
        clock.advance(Duration.ofSeconds(retryAfter));
        assertEquals(10, lookup.lookup(CODE, null, "203.113.130.15").status().code());
    }

    @Test
    void wrongFactorsCostMoreOfTheAddressBudget() {
        for (int i = 0; i < 5; i++) {
            String guess = "000.00.31.H56-261207-01" + (10 + i);
            assertEquals(404, assertThrows(ApiException.class, () -> lookup.lookup(guess, "1234", "203.113.130.17"))
                    .code().status());
        }
        ApiException limited = assertThrows(ApiException.class, () -> lookup.lookup(CODE, null, "203.113.130.17"));
        assertEquals(429, limited.code().status(), "5 wrong factors spent the 30 look-ups of the window");
    }
}
