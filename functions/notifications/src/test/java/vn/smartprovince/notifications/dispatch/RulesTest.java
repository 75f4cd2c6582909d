package vn.smartprovince.notifications.dispatch;

import vn.smartprovince.shared.lambda.Backoff;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.smartprovince.notifications.core.Channel;
import vn.smartprovince.notifications.core.Reason;
import vn.smartprovince.notifications.dispatch.ErrorPolicy.Action;
import vn.smartprovince.notifications.dispatch.Recipient.Preference;
import vn.smartprovince.shared.province.NotificationTemplate;
import vn.smartprovince.shared.zalo.ZaloFailures;

/** The dispatcher's rules, without AWS or Zalo: channel choice, rendering, sending hours, backoff, error policy. */
class RulesTest {
    static final Instant NOW = Instant.parse("2026-11-28T03:00:00Z");   // 10:00 in Vietnam
    static final Duration WINDOW = Duration.ofDays(7);
    static final NotificationTemplate BOTH = new NotificationTemplate("REPORT_STATUS_CHANGED",
            List.of("report_code", "status_name", "agency_name"), "900002",
            "Phản ánh {report_code} đã chuyển sang trạng thái «{status_name}» ({agency_name}).");
    static final NotificationTemplate ZNS_ONLY = new NotificationTemplate("ZNS_ONLY", List.of("a"), "900003", null);
    static final NotificationTemplate OA_ONLY = new NotificationTemplate("OA_ONLY", List.of("a"), null, "Xin chào {a}");

    static Recipient recipient(Preference preference, String phone, String follower, Instant lastInteraction) {
        return new Recipient("9000000000000000001", phone, preference, follower, follower != null, lastInteraction);
    }

    static Channel channel(ChannelChoice.Choice choice) {
        return assertInstanceOf(ChannelChoice.Send.class, choice).channel();
    }

    static Reason undeliverable(ChannelChoice.Choice choice) {
        return assertInstanceOf(ChannelChoice.Undeliverable.class, choice).reason();
    }

    /** The template by user id: ZNS preference = user id, phone, OA; default = OA in the window, user id, phone. */
    @Nested
    class ChannelChoiceWithTemplatesByUserId {
        final NotificationTemplate byUid = new NotificationTemplate("REPORT_STATUS_CHANGED", BOTH.params(), "900002",
                BOTH.oaText(), true);
        final NotificationTemplate byUidNoOa = new NotificationTemplate("REPORT_RECEIVED", List.of("a"), "900001",
                null, true);
        final Instant recent = NOW.minus(Duration.ofDays(1));
        final Instant old = NOW.minus(Duration.ofDays(30));

        ChannelChoice.Send send(Preference preference, String phone, String follower, boolean following,
                                Instant lastInteraction, NotificationTemplate template) {
            return assertInstanceOf(ChannelChoice.Send.class, ChannelChoice.choose(new Recipient("9000000000000000001",
                    phone, preference, follower, following, lastInteraction), template, NOW, WINDOW));
        }

        @Test
        void table() {
            record Row(Preference preference, String phone, String follower, boolean following, Instant last,
                       NotificationTemplate template, Channel channel, Channel fallback, String why) {
            }
            List<Row> rows = List.of(
                    new Row(Preference.ZNS, "84901234567", "44001", true, recent, byUid, Channel.ZBS_UID, Channel.ZNS,
                            "template messages: by user id first (cheaper), the phone if Zalo refuses the id"),
                    new Row(Preference.ZNS, null, "44001", true, null, byUid, Channel.ZBS_UID, null,
                            "no phone shared: still reachable by user id"),
                    new Row(Preference.ZNS, "84901234567", null, false, null, byUid, Channel.ZNS, null,
                            "no user id known: the phone"),
                    new Row(Preference.ZNS, "84901234567", "44001", true, recent, BOTH, Channel.ZNS, null,
                            "a phone-only template keeps the phone path"),
                    new Row(Preference.ZALO_OA, "84901234567", "44001", true, recent, byUid, Channel.OA, null,
                            "default: the free OA text inside the window first"),
                    new Row(Preference.ZALO_OA, "84901234567", "44001", true, old, byUid, Channel.ZBS_UID, Channel.ZNS,
                            "default outside the window: by user id, then the phone"),
                    new Row(Preference.ZALO_OA, null, "44001", true, old, byUid, Channel.ZBS_UID, null,
                            "a follower without a phone outside the window: by user id"),
                    new Row(Preference.ZNS, "84901234567", "44001", false, null, byUid, Channel.ZNS, null,
                            "an unfollower: not through the OA, the phone they gave"),
                    new Row(Preference.ZALO_OA, "84901234567", "44001", true, recent, byUidNoOa, Channel.ZBS_UID,
                            Channel.ZNS, "no OA text: by user id"),
                    new Row(Preference.ZALO_OA, "84901234567", null, false, null, byUid, Channel.ZNS, null,
                            "never followed: the phone"));
            for (Row row : rows) {
                ChannelChoice.Send send = send(row.preference(), row.phone(), row.follower(), row.following(),
                        row.last(), row.template());
                assertEquals(row.channel(), send.channel(), row.why());
                assertEquals(row.fallback(), send.fallback(), row.why());
            }
        }

        @Test
        void noneIsNeverMessagedAndNoPathSaysWhyEachIsOut() {
            assertEquals(Reason.OPTED_OUT, undeliverable(ChannelChoice.choose(new Recipient("9", "84901234567",
                    Preference.NONE, "44001", true, NOW), byUid, NOW, WINDOW)).code());
            Reason none = undeliverable(ChannelChoice.choose(new Recipient("9", null, Preference.ZNS, null, false, null),
                    byUid, NOW, WINDOW));
            assertEquals(Reason.NO_CHANNEL, none.code());
            assertEquals("ZBS by user id: no Zalo user id known for the OA; ZNS: no phone number; OA: not following"
                    + " the OA", none.text());
        }

        @Test
        void anUnfollowerIsNotMessagedThroughTheOaAtAll() {
            Reason reason = undeliverable(ChannelChoice.choose(new Recipient("9", null, Preference.ZNS, "44001", false,
                    recent), byUid, NOW, WINDOW));
            assertEquals("ZBS by user id: unfollowed the OA; ZNS: no phone number; OA: not following the OA",
                    reason.text());
        }

        @Test
        void zaloRefusalsOfTheUserIdAreClassifiedPermanentAndFallBack() {
            for (int code : List.of(-118, -114, -135)) {
                assertEquals(Action.FAIL, ErrorPolicy.of(ZaloFailures.code(code)), "code " + code);
                assertTrue(ErrorPolicy.USER_ID_REFUSALS.contains(code));
            }
            assertEquals(Action.DEFER_TO_SENDING_HOURS, ErrorPolicy.of(ZaloFailures.code(-133)));
            assertEquals(Action.RETRY_LATER, ErrorPolicy.of(ZaloFailures.code(-144)));
            assertEquals(Action.REFRESH_TOKEN_AND_RESEND, ErrorPolicy.of(ZaloFailures.code(-124)));
        }
    }

    @Nested
    class ChannelChoiceRules {
        final Instant recent = NOW.minus(Duration.ofDays(1));

        @Test
        void theDefaultPreferenceSendsAnOaMessageToAFollowerInsideTheWindow() {
            assertEquals(Channel.OA, channel(ChannelChoice.choose(recipient(Preference.ZALO_OA, "84901234567", "44001", recent),
                    BOTH, NOW, WINDOW)));
        }

        @Test
        void aZnsPreferenceSendsZnsToAKnownPhoneEvenToAFollower() {
            assertEquals(Channel.ZNS, channel(ChannelChoice.choose(recipient(Preference.ZNS, "84901234567", "44001", recent),
                    BOTH, NOW, WINDOW)));
        }

        @Test
        void eachPreferenceFallsBackToTheOtherChannel() {
            assertEquals(Channel.ZNS, channel(ChannelChoice.choose(recipient(Preference.ZALO_OA, "84901234567", null, null),
                    BOTH, NOW, WINDOW)), "not a follower: ZNS to the phone");
            assertEquals(Channel.OA, channel(ChannelChoice.choose(recipient(Preference.ZNS, null, "44001", recent),
                    BOTH, NOW, WINDOW)), "no phone: OA to the follower");
            assertEquals(Channel.ZNS, channel(ChannelChoice.choose(recipient(Preference.ZALO_OA, "84901234567", "44001", recent),
                    ZNS_ONLY, NOW, WINDOW)), "the template has no OA text");
        }

        @Test
        void theInteractionWindowIsSevenDaysToTheSecond() {
            Recipient edge = recipient(Preference.ZALO_OA, null, "44001", NOW.minus(WINDOW));
            assertEquals(Channel.OA, channel(ChannelChoice.choose(edge, BOTH, NOW, WINDOW)));
            Recipient late = recipient(Preference.ZALO_OA, null, "44001", NOW.minus(WINDOW).minusSeconds(1));
            Reason reason = undeliverable(ChannelChoice.choose(late, BOTH, NOW, WINDOW));
            assertEquals(Reason.NO_CHANNEL, reason.code());
            assertEquals("ZNS: no phone number; OA: no message to the OA in the last 7 days", reason.text());
            Recipient never = recipient(Preference.ZALO_OA, null, "44001", null);
            assertEquals(Reason.NO_CHANNEL, undeliverable(ChannelChoice.choose(never, BOTH, NOW, WINDOW)).code());
        }

        @Test
        void anUnfollowerGetsNoOaMessage() {
            Recipient unfollowed = new Recipient("9000000000000000001", null, Preference.ZALO_OA, "44001", false, recent);
            assertEquals("ZNS: no phone number; OA: not following the OA",
                    undeliverable(ChannelChoice.choose(unfollowed, BOTH, NOW, WINDOW)).text());
        }

        @Test
        void optedOutUnknownAndUnreachableRecipientsAreUndeliverableWithTheirReason() {
            assertEquals(Reason.OPTED_OUT, undeliverable(ChannelChoice.choose(
                    recipient(Preference.NONE, "84901234567", "44001", recent), BOTH, NOW, WINDOW)).code());
            assertEquals(Reason.RECIPIENT_UNKNOWN, undeliverable(ChannelChoice.choose(null, BOTH, NOW, WINDOW)).code());
            assertEquals("ZNS: the template has no ZNS template; OA: not following the OA", undeliverable(
                    ChannelChoice.choose(recipient(Preference.ZNS, "84901234567", null, null), OA_ONLY, NOW, WINDOW)).text());
        }

        @Test
        void anUnknownStoredPreferenceIsTheDefault() {
            assertEquals(Preference.ZALO_OA, Preference.parse(null));
            assertEquals(Preference.ZALO_OA, Preference.parse("SMS"));
            assertEquals(Preference.NONE, Preference.parse("NONE"));
        }
    }

    @Nested
    class Rendering {
        @Test
        void exactlyTheTemplatesParametersRenderZnsDataAndTheOaText() {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("agency_name", "UBND phường Tân Ninh");
            params.put("status_name", "Đã trả lời");
            params.put("report_code", "K7M4-QX9P");
            var ok = assertInstanceOf(TemplateRendering.Ok.class, TemplateRendering.render(BOTH, params));
            assertEquals(List.of("report_code", "status_name", "agency_name"),
                    List.copyOf(ok.rendered().znsData().keySet()), "the template's order");
            assertEquals("Phản ánh K7M4-QX9P đã chuyển sang trạng thái «Đã trả lời» (UBND phường Tân Ninh).",
                    ok.rendered().oaText());
        }

        @Test
        void valuesAreInsertedLiterally() {
            var ok = assertInstanceOf(TemplateRendering.Ok.class,
                    TemplateRendering.render(OA_ONLY, Map.of("a", "$1 \\ {b}")));
            assertEquals("Xin chào $1 \\ {b}", ok.rendered().oaText());
            assertNull(assertInstanceOf(TemplateRendering.Ok.class, TemplateRendering.render(ZNS_ONLY, Map.of("a", "x")))
                    .rendered().oaText());
        }

        @Test
        void missingOrExtraParametersAreAPermanentProblemNamingThemNeverTheirValues() {
            var missing = assertInstanceOf(TemplateRendering.Problem.class, TemplateRendering.render(BOTH,
                    Map.of("report_code", "SECRET-VALUE")));
            assertEquals(Reason.TEMPLATE_PARAMS, missing.reason().code());
            assertEquals("template REPORT_STATUS_CHANGED parameters: missing [status_name, agency_name]",
                    missing.reason().text());
            var extra = assertInstanceOf(TemplateRendering.Problem.class, TemplateRendering.render(BOTH,
                    Map.of("report_code", "x", "status_name", "y", "agency_name", "z", "agency_id", "SECRET-VALUE")));
            assertEquals("template REPORT_STATUS_CHANGED parameters: not in the template [agency_id]", extra.reason().text());
            var both = assertInstanceOf(TemplateRendering.Problem.class, TemplateRendering.render(OA_ONLY, Map.of("b", "v")));
            assertEquals("template OA_ONLY parameters: missing [a]; not in the template [b]", both.reason().text());
            assertFalse(extra.reason().text().contains("SECRET"));
        }
    }

    @Nested
    class Hours {
        static Instant vietnam(String localDateTime) {
            return LocalDateTime.parse(localDateTime).atZone(SendingHours.VIETNAM).toInstant();
        }

        @Test
        void openFromSevenInclusiveToTwentyTwoExclusiveVietnamTime() {
            assertFalse(SendingHours.open(vietnam("2026-11-28T06:59:59.999")));
            assertTrue(SendingHours.open(vietnam("2026-11-28T07:00:00")));
            assertTrue(SendingHours.open(vietnam("2026-11-28T21:59:59.999")));
            assertFalse(SendingHours.open(vietnam("2026-11-28T22:00:00")));
            assertTrue(SendingHours.open(Instant.parse("2026-11-28T00:00:00Z")), "UTC midnight is 07:00 in Vietnam");
            assertFalse(SendingHours.open(Instant.parse("2026-11-27T23:59:59Z")), "06:59:59 in Vietnam");
        }

        @Test
        void theNextOpeningIsTodayBeforeSevenAndTomorrowFromTwentyTwo() {
            Instant sevenToday = vietnam("2026-11-28T07:00:00");
            Instant sevenTomorrow = vietnam("2026-11-29T07:00:00");
            assertEquals(sevenToday, SendingHours.nextOpening(vietnam("2026-11-28T00:00:00")));
            assertEquals(sevenToday, SendingHours.nextOpening(vietnam("2026-11-28T06:59:59")));
            assertEquals(vietnam("2026-11-28T07:00:00"), SendingHours.nextOpening(vietnam("2026-11-28T07:00:00")));
            assertEquals(vietnam("2026-11-28T15:00:00"), SendingHours.nextOpening(vietnam("2026-11-28T15:00:00")), "open: now");
            assertEquals(sevenTomorrow, SendingHours.nextOpening(vietnam("2026-11-28T22:00:00")));
            assertEquals(sevenTomorrow, SendingHours.nextOpening(vietnam("2026-11-28T23:59:59")));
            assertEquals(vietnam("2027-01-01T07:00:00"), SendingHours.nextOpening(vietnam("2026-12-31T22:30:00")),
                    "across a year");
            assertEquals(Instant.parse("2026-11-29T00:00:00Z"), sevenTomorrow, "07:00 is UTC midnight");
        }

        @Test
        void onlyCustomerCareAndPromotionTemplatesHaveSendingHours() {
            assertFalse(SendingHours.restricted("TRANSACTION"));
            assertFalse(SendingHours.restricted("1"));
            assertFalse(SendingHours.restricted(null));
            assertTrue(SendingHours.restricted("CUSTOMER_CARE"));
            assertTrue(SendingHours.restricted("PROMOTION"));
            assertTrue(SendingHours.restricted("2"));
            assertTrue(SendingHours.restricted("something new"), "unknown: wait rather than be refused");
        }
    }

    @Nested
    class Backoffs {
        final Backoff backoff = Backoff.DEFAULT;

        @Test
        void ceilingsGrowFourfoldFromAMinuteAndStopAtTwoHours() {
            assertEquals(List.of(Duration.ofSeconds(60), Duration.ofSeconds(240), Duration.ofSeconds(960),
                    Duration.ofSeconds(3840), Duration.ofHours(2), Duration.ofHours(2)),
                    List.of(backoff.ceiling(1), backoff.ceiling(2), backoff.ceiling(3), backoff.ceiling(4),
                            backoff.ceiling(5), backoff.ceiling(9)));
        }

        @Test
        void everyDelayIsLongerThanAnyDelayBeforeItUntilTheCap() {
            SplittableRandom random = new SplittableRandom(7);
            // Receives 1-4 are the ones that wait (the 5th is the last the queue allows); from 5 on the cap holds.
            for (int receive = 1; receive < 4; receive++) {
                Duration longestNow = Duration.ZERO;
                Duration shortestNext = Duration.ofDays(1);
                for (int i = 0; i < 500; i++) {
                    Duration now = backoff.delay(receive, random);
                    Duration next = backoff.delay(receive + 1, random);
                    assertTrue(now.compareTo(backoff.ceiling(receive).dividedBy(2)) >= 0 && now.compareTo(backoff.ceiling(receive)) <= 0);
                    longestNow = now.compareTo(longestNow) > 0 ? now : longestNow;
                    shortestNext = next.compareTo(shortestNext) < 0 ? next : shortestNext;
                }
                assertTrue(shortestNext.compareTo(longestNow) > 0, "receive " + receive);
            }
        }

        @Test
        void delaysStayWithinSqsVisibilityLimit() {
            Backoff huge = new Backoff(Duration.ofHours(1), 10, Duration.ofHours(48));
            assertEquals(Backoff.SQS_MAX_VISIBILITY, huge.ceiling(5));
        }
    }

    @Nested
    class Policy {
        @Test
        void tokenErrorsRefreshOnce() {
            assertEquals(Action.REFRESH_TOKEN_AND_RESEND, ErrorPolicy.of(ZaloFailures.code(-124)));
            assertEquals(Action.REFRESH_TOKEN_AND_RESEND, ErrorPolicy.of(ZaloFailures.code(-216)));
            assertEquals(Action.REFRESH_TOKEN_AND_RESEND, ErrorPolicy.of(ZaloFailures.http(401)));
        }

        @Test
        void quotaRateLimitServerErrorsAndTimeoutsRetryLater() {
            for (var e : List.of(ZaloFailures.code(-144), ZaloFailures.http(429), ZaloFailures.http(500),
                    ZaloFailures.http(503), ZaloFailures.timeout(), ZaloFailures.code(-100), ZaloFailures.code(-999))) {
                assertEquals(Action.RETRY_LATER, ErrorPolicy.of(e), e.reason());
            }
        }

        @Test
        void permanentErrorsFail() {
            for (int code : new int[] {-108, -109, -111, -112, -114, -118, -131, -213, -230}) {
                assertEquals(Action.FAIL, ErrorPolicy.of(ZaloFailures.code(code)), "code " + code);
            }
        }

        @Test
        void regionRestrictionIsMisconfigurationAndSendingHoursDefer() {
            assertEquals(Action.MISCONFIGURED, ErrorPolicy.of(ZaloFailures.code(-501)));
            assertEquals(Action.MISCONFIGURED, ErrorPolicy.of(ZaloFailures.http(404)));
            assertEquals(Action.DEFER_TO_SENDING_HOURS, ErrorPolicy.of(ZaloFailures.code(-133)));
        }

        @Test
        void reasonsNameZalosCode() {
            assertEquals("ZALO_-108", Reason.zalo(-108, 200, "x").code());
            assertEquals("ZALO_HTTP_503", Reason.zalo(0, 503, "x").code());
            assertEquals("ZALO_TRANSPORT", Reason.zalo(0, 0, "x").code());
        }
    }
}
