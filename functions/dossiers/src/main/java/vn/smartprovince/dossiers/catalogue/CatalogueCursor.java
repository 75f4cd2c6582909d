package vn.smartprovince.dossiers.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.ErrorCode;
import vn.smartprovince.shared.http.FieldError;
import vn.smartprovince.shared.json.Json;

/**
 * The catalogue's opaque cursor: base64url of {@code {"s": search, "k": last sort key}}. It holds
 * the last procedure's sort key (not a position), so a page after a configuration change continues
 * where the reader was. It only continues the search it was made for; anything altered or foreign
 * is 400 {@code INVALID_CURSOR} naming {@code cursor} (the cursor must be exactly the canonical
 * encoding of what it decodes to).
 */
final class CatalogueCursor {
    private static final int MAX_LENGTH = 2048;

    private CatalogueCursor() {
    }

    static String encode(String search, String sortKey) {
        String json = Json.write(Json.object().put("s", search).put("k", sortKey));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The sort key to continue after, if {@code cursor} was made for {@code search}. */
    static String decode(String cursor, String search) {
        try {
            if (cursor.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("too long");
            }
            JsonNode node = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(cursor));
            String key = node.path("k").asText("");
            if (node.size() != 2 || !search.equals(node.path("s").asText(null)) || key.isEmpty()
                    || !encode(search, key).equals(cursor)) {
                throw new IllegalArgumentException("not this search's");
            }
            return key;
        } catch (Exception e) {
            throw new ApiException(ErrorCode.INVALID_CURSOR, null, List.of(new FieldError("cursor", "INVALID_CURSOR",
                    "Con trỏ phân trang không hợp lệ.", "The pagination cursor is not valid.")), Map.of(), null);
        }
    }
}
