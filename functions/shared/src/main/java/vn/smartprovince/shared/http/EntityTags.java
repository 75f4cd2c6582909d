package vn.smartprovince.shared.http;

/** Entity-tag comparison for conditional GETs (RFC 9110 §13.1.2, If-None-Match). */
public final class EntityTags {
    private EntityTags() {
    }

    /**
     * Whether an {@code If-None-Match} value matches {@code etag} (a quoted strong tag): {@code *},
     * or one of its comma-separated tags by weak comparison ({@code W/} ignored). An unquoted tag
     * is accepted too (some clients drop the quotes).
     */
    public static boolean noneMatchHits(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        String wanted = opaque(etag);
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (opaque(tag).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"") ? tag.substring(1, tag.length() - 1) : tag;
    }
}
