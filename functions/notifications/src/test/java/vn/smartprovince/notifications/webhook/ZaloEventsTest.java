package vn.smartprovince.notifications.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.smartprovince.notifications.webhook.ZaloEvent.Attachment;
import vn.smartprovince.notifications.webhook.ZaloEvent.CitizenMessage;
import vn.smartprovince.notifications.webhook.ZaloEvent.DeliveryReceipt;
import vn.smartprovince.notifications.webhook.ZaloEvent.FollowChange;
import vn.smartprovince.notifications.webhook.ZaloEvent.MessageKind;
import vn.smartprovince.notifications.webhook.ZaloEvent.Unhandled;
import vn.smartprovince.shared.json.Json;

/** Reading Zalo's event bodies (shapes as the reference and the Zalo stub send them). */
class ZaloEventsTest {
    static final String TS = "1795858200000";
    static final Instant AT = Instant.ofEpochMilli(Long.parseLong(TS));

    static ZaloEvent parse(String json) {
        return ZaloEvents.parse(Json.read(json));
    }

    @Test
    void followAndUnfollowNameTheFollowerAndTheMiniAppUser() {
        FollowChange follow = assertInstanceOf(FollowChange.class, parse("{\"app_id\":\"1234567890\",\"oa_id\":\"99\","
                + "\"user_id_by_app\":\"9000000000000000001\",\"event_name\":\"follow\",\"source\":\"oa_profile\","
                + "\"follower\":{\"id\":\"4400000000000000001\"},\"timestamp\":\"" + TS + "\"}"));
        assertTrue(follow.follows());
        assertEquals("4400000000000000001", follow.followerId());
        assertEquals("9000000000000000001", follow.userId());
        assertEquals("oa_profile", follow.source());
        assertEquals(AT, follow.at());
        assertEquals("follow#4400000000000000001#" + TS, follow.key());

        FollowChange unfollow = assertInstanceOf(FollowChange.class, parse("{\"event_name\":\"unfollow\","
                + "\"follower\":{\"id\":\"4400000000000000001\"},\"timestamp\":" + TS + "}"));
        assertFalse(unfollow.follows());
        assertNull(unfollow.userId(), "user_id_by_app is not promised by Zalo");
        assertNotEquals(follow.key(), unfollow.key());
    }

    @Test
    void receiptsCarryOneOrSeveralMessageIds() {
        DeliveryReceipt received = assertInstanceOf(DeliveryReceipt.class, parse("{\"event_name\":\"user_received_message\","
                + "\"timestamp\":\"" + TS + "\",\"sender\":{\"id\":\"99\"},\"recipient\":{\"id\":\"44\"},"
                + "\"message\":{\"msg_id\":\"a7bde20a5f4f82b2c6d1\"}}"));
        assertFalse(received.seen());
        assertEquals(List.of("a7bde20a5f4f82b2c6d1"), received.msgIds());
        assertEquals("user_received_message#a7bde20a5f4f82b2c6d1", received.key());

        DeliveryReceipt seen = assertInstanceOf(DeliveryReceipt.class, parse("{\"event_name\":\"user_seen_message\","
                + "\"timestamp\":\"" + TS + "\",\"message\":{\"msg_ids\":[\"m1\",\"m2\",\"m1\"]}}"));
        assertTrue(seen.seen());
        assertEquals(List.of("m1", "m2"), seen.msgIds());
        assertTrue(seen.key().startsWith("user_seen_message#") && seen.key().length() < 60, seen.key());
        // The identity does not depend on the time Zalo stamped a retry with.
        assertEquals(received.key(), parse("{\"event_name\":\"user_received_message\",\"timestamp\":\"1\","
                + "\"message\":{\"msg_id\":\"a7bde20a5f4f82b2c6d1\"}}").key());
    }

    @Test
    void aCitizensTextIsNormalisedCleanedAndBounded() {
        String decomposed = "Đe\u0300n đươ\u0300ng ho\u0309ng\u0007\r\nở phường";   // decomposed diacritics, a BEL
        CitizenMessage text = assertInstanceOf(CitizenMessage.class, parse("{\"event_name\":\"user_send_text\","
                + "\"user_id_by_app\":\"9000000000000000001\",\"timestamp\":\"" + TS + "\",\"sender\":{\"id\":\"44\"},"
                + "\"recipient\":{\"id\":\"99\"},\"message\":{\"text\":" + Json.write(decomposed) + ",\"msg_id\":\"m-1\"}}"));
        assertEquals(MessageKind.TEXT, text.kind());
        assertEquals("Đèn đường hỏng\nở phường", text.text());
        assertFalse(text.truncated());
        assertEquals("m-1", text.msgId());
        assertEquals("44", text.followerId());
        assertEquals("9000000000000000001", text.userId());
        assertEquals("user_send_text#m-1", text.key());

        CitizenMessage longText = assertInstanceOf(CitizenMessage.class, parse("{\"event_name\":\"user_send_text\","
                + "\"timestamp\":\"" + TS + "\",\"sender\":{\"id\":\"44\"},\"message\":{\"text\":\""
                + "ệ".repeat(2500) + "\"}}"));
        assertEquals(2000, longText.text().codePointCount(0, longText.text().length()));
        assertTrue(longText.truncated());
        assertEquals("user_send_text#44#" + TS, longText.key(), "without msg_id: the sender and the time");
    }

    @Test
    void imagesLinksAndPlacesKeepOnlyTheirUrlOrCoordinates() {
        CitizenMessage image = assertInstanceOf(CitizenMessage.class, parse("{\"event_name\":\"user_send_image\","
                + "\"timestamp\":\"" + TS + "\",\"sender\":{\"id\":\"44\"},\"message\":{\"msg_id\":\"m-2\",\"text\":\"\","
                + "\"attachments\":[{\"type\":\"image\",\"payload\":{\"thumbnail\":\"https://t/1.jpg\",\"url\":\"https://p/1.jpg\"}},"
                + "{\"type\":\"image\",\"payload\":{\"url\":\"javascript:alert(1)\"}},{\"type\":\"image\"}]}}"));
        assertEquals(MessageKind.IMAGE, image.kind());
        assertNull(image.text());
        assertEquals(List.of(new Attachment("image", "https://p/1.jpg", null, null)), image.attachments());

        CitizenMessage place = assertInstanceOf(CitizenMessage.class, parse("{\"event_name\":\"user_send_location\","
                + "\"timestamp\":\"" + TS + "\",\"sender\":{\"id\":\"44\"},\"message\":{\"msg_id\":\"m-3\",\"attachments\":"
                + "[{\"type\":\"location\",\"payload\":{\"coordinates\":{\"latitude\":\"11.31\",\"longitude\":106.1}}}]}}"));
        assertEquals(MessageKind.LOCATION, place.kind());
        assertEquals(List.of(new Attachment("location", null, 11.31, 106.1)), place.attachments());

        assertEquals(MessageKind.OTHER, assertInstanceOf(CitizenMessage.class, parse("{\"event_name\":\"user_send_hologram\","
                + "\"timestamp\":\"" + TS + "\",\"sender\":{\"id\":\"44\"}}")).kind());
    }

    @Test
    void otherEventsAreUnhandledNotErrors() {
        Unhandled oa = assertInstanceOf(Unhandled.class, parse("{\"event_name\":\"oa_send_text\",\"timestamp\":\"" + TS + "\"}"));
        assertEquals("oa_send_text", oa.name());
        assertInstanceOf(Unhandled.class, parse("{\"event_name\":\"user_send_\",\"timestamp\":\"" + TS + "\"}"));
    }

    @Test
    void aKnownEventMissingWhatItNeedsNamesTheFields() {
        InvalidZaloEventException follow = assertThrows(InvalidZaloEventException.class,
                () -> parse("{\"event_name\":\"follow\",\"timestamp\":\"" + TS + "\"}"));
        assertEquals(List.of("follower.id: missing or not an id"), follow.problems());
        assertEquals(List.of("message.msg_id: missing (nor message.msg_ids)"), assertThrows(InvalidZaloEventException.class,
                () -> parse("{\"event_name\":\"user_received_message\",\"timestamp\":\"" + TS + "\",\"message\":{}}")).problems());
        assertEquals(List.of("sender.id: missing or not an id"), assertThrows(InvalidZaloEventException.class,
                () -> parse("{\"event_name\":\"user_send_text\",\"timestamp\":\"" + TS + "\",\"sender\":{\"id\":\"a b\"}}")).problems());
        assertEquals(List.of("event_name: missing or not a name", "timestamp: missing or not epoch milliseconds"),
                assertThrows(InvalidZaloEventException.class, () -> parse("{\"event_name\":\"\"}")).problems());
        assertThrows(InvalidZaloEventException.class, () -> ZaloEvents.parse(Json.read("[]")));
    }
}
