package vn.smartprovince.reports.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.ErrorCode;
import vn.smartprovince.shared.http.FieldError;
import vn.smartprovince.shared.json.Json;

/**
 * Opaque cursors: base64url of {@code {"l": list, "o": owner, "k": sort key}}. A cursor only
 * ever continues the list (and the caller) it was made for; anything altered, foreign or
 * malformed is 400 {@code INVALID_CURSOR} (a cursor must be exactly the canonical encoding of
 * what it decodes to, so appended or altered characters are caught). {@code limit}: default 20, 1 to 100.
 */
public final class Cursors {
    /** The sort key of "my reports": {@code <instant>#<report id>}. */
    public static final Pattern MINE_SORT = Pattern.compile("[0-9T:.Z-]{10,40}#r[a-z2-7]{24}");

    private Cursors() {
    }

    public static String encode(String list, String owner, String sortKey) {
        String json = Json.write(Json.object().put("l", list).put("o", owner).put("k", sortKey));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The sort key to continue after, if the cursor is one of {@code list} for {@code owner} and its key matches {@code shape}. */
    public static String decode(String cursor, String list, String owner, Pattern shape) {
        try {
            if (cursor.length() > 2048) {
                throw new IllegalArgumentException();
            }
            JsonNode node = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(cursor));
            String key = node.path("k").asText("");
            if (node.size() != 3 || !list.equals(node.path("l").asText(null)) || !owner.equals(node.path("o").asText(null))
                    || !shape.matcher(key).matches() || !encode(list, owner, key).equals(cursor)) {
                throw new IllegalArgumentException();
            }
            return key;
        } catch (Exception e) {
            throw new ApiException(ErrorCode.INVALID_CURSOR, null, java.util.List.of(new FieldError("cursor",
                    "INVALID_CURSOR", "Con trỏ phân trang không hợp lệ.", "The pagination cursor is not valid.")),
                    java.util.Map.of(), null);
        }
    }
}
