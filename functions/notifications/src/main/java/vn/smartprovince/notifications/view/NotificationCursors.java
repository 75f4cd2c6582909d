package vn.smartprovince.notifications.view;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.ErrorCode;
import vn.smartprovince.shared.http.FieldError;
import vn.smartprovince.shared.json.Json;

/**
 * The conventions' paging for "my notifications": {@code ?limit=} (default 20, 1-100) and an opaque
 * {@code ?cursor=}, base64url of {@code {"l": "notifications", "o": <user id>, "k": <position>}} in
 * the same shape as the other lists' cursors. A cursor continues only the list and caller it was
 * made for and must be exactly the canonical encoding; anything else is 400 {@code INVALID_CURSOR}.
 */
final class NotificationCursors {
    static final String LIST = "notifications";
    /** {@code <createdAt>#<jobId> <deduplicationKey>} (see DynamoDbDeliveryStore's cursor key). */
    static final Pattern POSITION = Pattern.compile("[0-9T:.Z+-]{10,40}#[A-Za-z0-9._:#-]{1,200} [\\x21-\\x7E]{1,200}");

    private NotificationCursors() {
    }

    static String encode(String owner, String position) {
        String json = Json.write(Json.object().put("l", LIST).put("o", owner).put("k", position));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static String decode(String cursor, String owner) {
        try {
            if (cursor.length() > 2048) {
                throw new IllegalArgumentException();
            }
            JsonNode node = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(cursor));
            String position = node.path("k").asText("");
            if (node.size() != 3 || !LIST.equals(node.path("l").asText(null)) || !owner.equals(node.path("o").asText(null))
                    || !POSITION.matcher(position).matches() || !encode(owner, position).equals(cursor)) {
                throw new IllegalArgumentException();
            }
            return position;
        } catch (Exception e) {
            throw new ApiException(ErrorCode.INVALID_CURSOR, null, List.of(new FieldError("cursor", "INVALID_CURSOR",
                    "Con trỏ phân trang không hợp lệ.", "The pagination cursor is not valid.")), Map.of(), null);
        }
    }
}
