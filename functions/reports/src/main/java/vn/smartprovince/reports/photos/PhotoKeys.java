package vn.smartprovince.reports.photos;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The object keys of uploaded photos: {@code report-photos/pending/<zaloId>/<uuid>.<ext>}.
 *
 * <p>The uploader's Zalo id is part of the key, so who uploaded a photo is known from its key
 * alone and the upload signer's IAM policy can be limited to the pending prefix. The random UUID
 * makes keys unguessable and unique; the extension follows the signed content type.
 *
 * <p>"Pending" objects carry the tag {@value #STATE_TAG}={@value #PENDING}; the bucket's lifecycle
 * rule expires pending objects one day after upload. A report that cites a photo retags it
 * {@value #CITED} ({@link PhotoStore#markCited}): its key never changes, the rule no longer
 * matches it.
 */
public final class PhotoKeys {
    /** Every uploaded photo lives under this prefix (the template's lifecycle rule and IAM policies use it too). */
    public static final String PENDING_PREFIX = "report-photos/pending/";
    public static final String STATE_TAG = "photo-state";
    public static final String PENDING = "pending";
    public static final String CITED = "cited";

    /** Zalo ids are digits; letters, '_' and '-' are allowed so that other id schemes still give valid keys. */
    private static final Pattern USER_ID = Pattern.compile("[0-9A-Za-z_-]{1,64}");
    private static final Pattern KEY = Pattern.compile(Pattern.quote(PENDING_PREFIX)
            + "([0-9A-Za-z_-]{1,64})/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\.([a-z]{3,4})");

    private PhotoKeys() {
    }

    /** A key parsed: the uploader and the format its extension names. */
    public record Parsed(String userId, PhotoType type) {
    }

    /** A fresh key for an upload by {@code userId}. */
    public static String pending(String userId, PhotoType type, UUID id) {
        if (userId == null || !USER_ID.matcher(userId).matches()) {
            throw new IllegalArgumentException("not a user id that can be part of a photo key");
        }
        return PENDING_PREFIX + userId + "/" + id + "." + type.extension();
    }

    /** The uploader and format of a well-formed pending key; empty for anything else. */
    public static Optional<Parsed> parse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        Matcher matcher = KEY.matcher(key);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return PhotoType.ofExtension(matcher.group(3)).map(type -> new Parsed(matcher.group(1), type));
    }

    /** Whether {@code key} is a well-formed key of a photo {@code userId} uploaded. */
    public static boolean isOf(String userId, String key) {
        return parse(key).map(parsed -> parsed.userId().equals(userId)).orElse(false);
    }
}
