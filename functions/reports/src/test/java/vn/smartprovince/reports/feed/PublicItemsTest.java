package vn.smartprovince.reports.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.smartprovince.reports.core.Moderation;
import vn.smartprovince.reports.core.PhotoKeys;
import vn.smartprovince.reports.core.Report;
import vn.smartprovince.reports.core.ReportStatus;
import vn.smartprovince.reports.store.PublicItems;
import vn.smartprovince.reports.store.Publication;
import vn.smartprovince.shared.json.Json;

class PublicItemsTest {
    static final String ID = "rabcdefghijklmnopqrstuvwx";
    static final Instant AT = Instant.parse("2026-11-28T09:30:00Z");

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void thePublicViewNeverCarriesTheReportersIdentityWhateverTheFlag(boolean hideIdentity) {
        Report report = FeedFixtures.answered(ID, AT, hideIdentity);
        Map<String, AttributeValue> item = PublicItems.publicItem(report, Moderation.NONE);
        String stored = item.toString();
        String shown = Json.write(PublicItems.view(item, "Sở Xây dựng", List.of(), List.of()));
        for (String text : List.of(stored, shown, PublicItems.mapItem(item).toString())) {
            assertFalse(text.contains(FeedFixtures.CITIZEN), "no citizen id: " + text);
            assertFalse(text.contains("citizenId"), text);
            assertFalse(text.contains("nhà ông An"), "no address text");
            assertFalse(text.contains("K7M4-QX9P"), "no tracking code");
            assertFalse(text.contains("Cảm ơn"), "no rating comment");
            assertFalse(text.contains("Nhà tôi số 12"), "no information exchange");
            assertFalse(text.contains("hideIdentity"), text);
        }
        assertEquals(List.of(), PublicItems.photoKeys(item), "upload keys name the uploader: withheld");
        assertEquals(List.of(), PublicItems.answerPhotoKeys(item), "the officer's upload key too");
        String citizens = PhotoKeys.forReport(ID, "report-photos/pending/" + FeedFixtures.CITIZEN
                + "/0b6f1c7e-2d1a-4c1b-9a55-7d2f0e7a1b3c.jpg");
        String officers = PhotoKeys.forReport(ID, "report-photos/pending/8100000000000000001/1f0e2d3c-4b5a-4978-8695-a4b3c2d1e0f9.jpg");
        String anotherReports = PhotoKeys.forReport("rother", "report-photos/pending/8100000000000000001/1f0e2d3c-4b5a-4978-8695-a4b3c2d1e0f9.jpg");
        Report kept = report.toBuilder().photoKeys(List.of(citizens, anotherReports)).answerPhotoKeys(List.of(officers)).build();
        Map<String, AttributeValue> keptItem = PublicItems.publicItem(kept, Moderation.NONE);
        assertEquals(List.of(citizens), PublicItems.photoKeys(keptItem), "the report's own copies are shown, no other report's");
        assertEquals(List.of(officers), PublicItems.answerPhotoKeys(keptItem));
        assertEquals(11.31, Double.parseDouble(item.get("lat").n()), "rounded to ~100 m");
        assertEquals(106.098, Double.parseDouble(item.get("lng").n()));
        assertEquals("FEED#" + PublicItems.shardOf(ID), item.get("gsi1pk").s());
        assertEquals("2026-11-28T09:30:00.000Z#" + ID, item.get("gsi1sk").s());
        assertEquals("FEED#ROAD_DAMAGE#DEMO-P02", item.get("gsi2pk").s());
        assertTrue(PublicItems.mapItem(item).get("gsi1pk").s().startsWith("FEEDMAP#w"));
    }

    @Test
    void aRedactionSurvivesReAnswerAndReopenButAnAnswerRedactionOnlyCoversItsAnswer() {
        Report first = FeedFixtures.answered(ID, AT, false);
        Moderation moderation = new Moderation(false, "Ổ gà trước số ***.", "Đã vá (đã biên tập).", AT, 1);
        var item = PublicItems.publicItem(first, moderation);
        assertEquals("Ổ gà trước số ***.", item.get("description").s());
        assertEquals("Đã vá (đã biên tập).", item.get("answerText").s());
        assertTrue(item.get("moderated").bool());

        Report reopened = first.toBuilder().status(ReportStatus.REOPENED).version(4).build();
        var afterReopen = PublicItems.publicItem(reopened, moderation);
        assertEquals("REOPENED", afterReopen.get("status").s());
        assertEquals("Ổ gà trước số ***.", afterReopen.get("description").s());
        assertEquals("Đã vá (đã biên tập).", afterReopen.get("answerText").s());

        Instant later = AT.plusSeconds(3600);
        Report reAnswered = reopened.toBuilder().status(ReportStatus.ANSWERED).version(6).answeredAt(later)
                .answerText("Đã thảm lại mặt đường.").build();
        var afterReAnswer = PublicItems.publicItem(reAnswered, moderation);
        assertEquals("Ổ gà trước số ***.", afterReAnswer.get("description").s(), "the description stays redacted");
        assertEquals("Đã thảm lại mặt đường.", afterReAnswer.get("answerText").s(), "a new answer is shown as written");
        assertFalse(afterReAnswer.toString().contains("0912345678"));
        assertTrue(afterReAnswer.get("gsi1sk").s().startsWith("2026-11-28T10:30:00.000Z#"), "re-published on top");
    }

    @Test
    void publishedOnceAnsweredUntilWithdrawnOrRejected() {
        Report answered = FeedFixtures.answered(ID, AT, false);
        assertTrue(PublicItems.published(answered));
        assertTrue(PublicItems.published(answered.toBuilder().status(ReportStatus.REOPENED).build()));
        assertTrue(PublicItems.published(answered.toBuilder().status(ReportStatus.IN_PROGRESS).build()));
        assertFalse(PublicItems.published(answered.toBuilder().status(ReportStatus.WITHDRAWN).build()));
        assertFalse(PublicItems.published(answered.toBuilder().status(ReportStatus.REJECTED).build()));
        assertFalse(PublicItems.published(answered.toBuilder().answeredAt(null).status(ReportStatus.IN_PROGRESS).build()));
        assertFalse(PublicItems.published(null));
    }

    @Test
    void publicationWritesFollowTheModeration() {
        Report answered = FeedFixtures.answered(ID, AT, false);
        var visible = Publication.writes("T", answered, Moderation.NONE);
        assertEquals("attribute_not_exists(pk)", visible.get(0).delete().conditionExpression());
        assertEquals(PublicItems.MODERATION, visible.get(0).delete().key().get("sk").s());
        assertEquals(PublicItems.PUBLIC, visible.get(1).put().item().get("sk").s());
        assertEquals(PublicItems.MAP, visible.get(2).put().item().get("sk").s());
        var hidden = Publication.writes("T", answered, new Moderation(true, null, null, null, 2));
        assertEquals("moderationVersion = :mv", hidden.get(0).update().conditionExpression());
        assertEquals(PublicItems.PUBLIC, hidden.get(1).delete().key().get("sk").s());
        assertEquals(PublicItems.MAP, hidden.get(2).delete().key().get("sk").s());
        var withdrawn = Publication.writes("T", answered.toBuilder().status(ReportStatus.WITHDRAWN).build(), Moderation.NONE);
        assertTrue(withdrawn.get(1).delete() != null && withdrawn.get(2).delete() != null);
    }
}
