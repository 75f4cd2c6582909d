package vn.smartprovince.shared.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import vn.smartprovince.shared.json.Json;

/**
 * THE opaque list cursors of every module: base64url of {@code {"l": list, "o": owner, "k": sort key}}.
 * A cursor only ever continues the list (and the owner: the caller, the agency...) it was made for;
 * anything altered, foreign or malformed is refused (a cursor must be exactly the canonical
 * encoding of what it decodes to, so appended or altered characters are caught). The lists'
 * {@code limit}: default 20, 1 to 100 (conventions.md).
 */
public final class Cursors {
    private static final int MAX_LENGTH = 2048;

    private Cursors() {
    }

    public static String encode(String list, String owner, String sortKey) {
        String json = Json.write(Json.object().put("l", list).put("o", owner).put("k", sortKey));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The sort key to continue after, if the cursor is one of {@code list} for {@code owner} and its
     * key matches {@code shape}.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static String sortKey(String cursor, String list, String owner, Pattern shape) {
        JsonNode node;
        try {
            if (cursor.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("cursor too long");
            }
            node = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(cursor));
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalArgumentException("malformed cursor");
        }
        String key = node == null ? "" : node.path("k").asText("");
        if (node == null || node.size() != 3 || !list.equals(node.path("l").asText(null))
                || !owner.equals(node.path("o").asText(null)) || !shape.matcher(key).matches()
                || !encode(list, owner, key).equals(cursor)) {
            throw new IllegalArgumentException("foreign or altered cursor");
        }
        return key;
    }

    /** {@link #sortKey}, with a refused cursor as 400 {@code INVALID_CURSOR} naming {@code cursor}. */
    public static String decode(String cursor, String list, String owner, Pattern shape) {
        try {
            return sortKey(cursor, list, owner, shape);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    /** 400 {@code INVALID_CURSOR} naming the {@code cursor} parameter. */
    public static ApiException invalid() {
        return new ApiException(ErrorCode.INVALID_CURSOR, null, List.of(new FieldError("cursor",
                "INVALID_CURSOR", "Con trỏ phân trang không hợp lệ.", "The pagination cursor is not valid.")),
                Map.of(), null);
    }
}
