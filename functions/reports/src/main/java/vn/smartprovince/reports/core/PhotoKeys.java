package vn.smartprovince.reports.core;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The object keys of photos. Uploads: {@code report-photos/pending/<zaloId>/<uuid>.<ext>}; the
 * copy a report keeps: {@code report-photos/reports/<reportId>/<hash>.<ext>}.
 *
 * <p>The uploader's Zalo id is part of the key, so who uploaded a photo is known from its key
 * alone and the upload signer's IAM policy can be limited to the pending prefix. The random UUID
 * makes keys unguessable and unique; the extension follows the signed content type.
 *
 * <p>"Pending" objects carry the tag {@value #STATE_TAG}={@value #PENDING}; the bucket's lifecycle
 * rule expires them one day after upload. A report that cites an upload gets its own copy under
 * the report's prefix ({@link PhotoStore#attach}), tagged {@value #CITED}, and the upload expires
 * as any other. Why a copy: a photo is shown through a presigned URL, which shows its key, and the
 * upload key names the uploader; the report's key names only the report (whose id is public), so
 * the photo can be published without telling who took it. The hash is of the upload key, so a
 * retried request makes the same copy rather than a second one.
 */
public final class PhotoKeys {
    /** Every uploaded photo lives under this prefix (the template's lifecycle rule and IAM policies use it too). */
    public static final String PENDING_PREFIX = "report-photos/pending/";
    /** Photos that reports keep: {@code report-photos/reports/<reportId>/...}. */
    public static final String REPORT_PREFIX = "report-photos/reports/";
    public static final String STATE_TAG = "photo-state";
    public static final String PENDING = "pending";
    public static final String CITED = "cited";

    /** Zalo ids are digits; letters, '_' and '-' are allowed so that other id schemes still give valid keys. */
    private static final Pattern USER_ID = Pattern.compile("[0-9A-Za-z_-]{1,64}");
    private static final Pattern KEY = Pattern.compile(Pattern.quote(PENDING_PREFIX)
            + "([0-9A-Za-z_-]{1,64})/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\.([a-z]{3,4})");

    private static final Pattern REPORT_ID = Pattern.compile("[0-9A-Za-z_-]{1,64}");
    private static final Pattern REPORT_KEY = Pattern.compile(Pattern.quote(REPORT_PREFIX)
            + "[0-9A-Za-z_-]{1,64}/[0-9a-f]{24}\\.[a-z]{3,4}");

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

    /** The key of the copy report {@code reportId} keeps of the upload {@code pendingKey} (a well-formed pending key). */
    public static String forReport(String reportId, String pendingKey) {
        Parsed parsed = parse(pendingKey).orElseThrow(() -> new IllegalArgumentException("not an upload key"));
        if (reportId == null || !REPORT_ID.matcher(reportId).matches()) {
            throw new IllegalArgumentException("not a report id that can be part of a photo key");
        }
        byte[] digest;
        try {
            digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(pendingKey.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return REPORT_PREFIX + reportId + "/" + java.util.HexFormat.of().formatHex(digest, 0, 12) + "."
                + parsed.type().extension();
    }

    /** Whether {@code key} is a photo that report {@code reportId} keeps (and so names nobody). */
    public static boolean isOfReport(String reportId, String key) {
        return key != null && reportId != null && REPORT_KEY.matcher(key).matches()
                && key.startsWith(REPORT_PREFIX + reportId + "/");
    }

    /** Whether {@code key} is a well-formed key of a photo {@code userId} uploaded. */
    public static boolean isOf(String userId, String key) {
        return parse(key).map(parsed -> parsed.userId().equals(userId)).orElse(false);
    }
}
