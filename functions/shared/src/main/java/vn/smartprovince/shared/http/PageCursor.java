package vn.smartprovince.shared.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import vn.smartprovince.shared.json.Json;

/**
 * A list's opaque cursor (conventions: "a tampered one is a 400, not a 500"): base64url of
 * {@code {"b": binding, "k": key}}, where {@code binding} names the list and its filters (so a
 * cursor continues only the list it was made for) and {@code key} is where the next page starts
 * after. Anything altered, foreign or malformed is 400 {@code INVALID_CURSOR} naming {@code cursor}:
 * the cursor must be exactly the canonical encoding of what it decodes to, so appended or
 * altered characters are caught too. THE cursor of every list (a list bound to an owner binds
 * {@code <list>#<owner>}).
 */
public final class PageCursor {
    private static final int MAX_LENGTH = 2048;

    private PageCursor() {
    }

    public static String encode(String binding, String key) {
        String json = Json.write(Json.object().put("b", binding).put("k", key));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The key to continue after, if {@code cursor} was made for {@code binding} and its key has {@code shape}
     * (for a store whose port refuses a cursor with an exception of its own).
     *
     * @throws IllegalArgumentException for anything altered, foreign or malformed
     */
    public static String key(String cursor, String binding, Pattern shape) {
        JsonNode node;
        try {
            if (cursor.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("too long");
            }
            node = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(cursor));
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalArgumentException("malformed cursor");
        }
        String key = node == null ? "" : node.path("k").asText("");
        if (node == null || node.size() != 2 || !binding.equals(node.path("b").asText(null))
                || !shape.matcher(key).matches() || !encode(binding, key).equals(cursor)) {
            throw new IllegalArgumentException("not this list's");
        }
        return key;
    }

    /** {@link #key}, with a refused cursor as 400 {@code INVALID_CURSOR} naming {@code cursor}. */
    public static String decode(String cursor, String binding, Pattern shape) {
        try {
            return key(cursor, binding, shape);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    /** 400 {@code INVALID_CURSOR} naming the {@code cursor} parameter. */
    public static ApiException invalid() {
        return new ApiException(ErrorCode.INVALID_CURSOR, null, List.of(new FieldError("cursor", "INVALID_CURSOR",
                "Con trỏ phân trang không hợp lệ.", "The pagination cursor is not valid.")), Map.of(), null);
    }
}
