package vn.smartprovince.reports.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import vn.smartprovince.shared.config.Env;

/**
 * What an upload may be: which picture formats, how many bytes, and how long its presigned URL
 * stays valid. Read from the function's environment (template.yaml Globals), so the upload
 * signer and the report submission that verifies uploads apply the same limits.
 *
 * <table>
 *   <caption>Variables</caption>
 *   <tr><td>{@code PHOTO_MAX_BYTES}</td><td>largest photo, default 10 MiB (10,485,760); 1 KiB to 5 GiB (one PUT)</td></tr>
 *   <tr><td>{@code PHOTO_CONTENT_TYPES}</td><td>comma-separated subset of image/jpeg, image/png, image/heic,
 *       image/webp; default all four</td></tr>
 *   <tr><td>{@code PHOTO_UPLOAD_URL_TTL_SECONDS}</td><td>validity of an upload URL, default 900 (15 min); 60 to 3600</td></tr>
 * </table>
 *
 * @param types     the accepted formats (not empty)
 * @param maxBytes  the largest accepted size in bytes
 * @param uploadTtl how long a presigned upload URL works
 */
public record PhotoLimits(Set<PhotoType> types, long maxBytes, Duration uploadTtl) {
    public static final String MAX_BYTES = "PHOTO_MAX_BYTES";
    public static final String CONTENT_TYPES = "PHOTO_CONTENT_TYPES";
    public static final String UPLOAD_URL_TTL_SECONDS = "PHOTO_UPLOAD_URL_TTL_SECONDS";

    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;
    public static final Duration DEFAULT_UPLOAD_TTL = Duration.ofMinutes(15);
    static final long MIN_MAX_BYTES = 1024;
    /** The largest object one PUT can create. */
    static final long MAX_MAX_BYTES = 5L * 1024 * 1024 * 1024;

    public PhotoLimits {
        if (types.isEmpty()) {
            throw new IllegalArgumentException("at least one photo type must be accepted");
        }
        types = Collections.unmodifiableSet(EnumSet.copyOf(types));
        if (maxBytes < MIN_MAX_BYTES || maxBytes > MAX_MAX_BYTES) {
            throw new IllegalArgumentException("maxBytes must be from " + MIN_MAX_BYTES + " to " + MAX_MAX_BYTES);
        }
        if (uploadTtl.compareTo(Duration.ofMinutes(1)) < 0 || uploadTtl.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("uploadTtl must be from 1 minute to 1 hour");
        }
    }

    /** JPEG, PNG, HEIC and WebP up to 10 MiB; upload URLs valid 15 minutes. */
    public static PhotoLimits defaults() {
        return new PhotoLimits(EnumSet.allOf(PhotoType.class), DEFAULT_MAX_BYTES, DEFAULT_UPLOAD_TTL);
    }

    /** The limits the environment sets; a malformed value is a deployment mistake, named in the exception. */
    public static PhotoLimits fromEnv(Env env) {
        long maxBytes = env.number(MAX_BYTES, DEFAULT_MAX_BYTES, MIN_MAX_BYTES, MAX_MAX_BYTES);
        long ttl = env.number(UPLOAD_URL_TTL_SECONDS, DEFAULT_UPLOAD_TTL.toSeconds(), 60, 3600);
        Set<PhotoType> types = EnumSet.allOf(PhotoType.class);
        var listed = env.optional(CONTENT_TYPES);
        if (listed.isPresent()) {
            types = EnumSet.noneOf(PhotoType.class);
            List<String> unknown = new ArrayList<>();
            for (String item : listed.get().split(",")) {
                if (item.isBlank()) {
                    continue;
                }
                var type = PhotoType.ofContentType(item);
                if (type.isPresent()) {
                    types.add(type.get());
                } else {
                    unknown.add(item.strip());
                }
            }
            if (!unknown.isEmpty() || types.isEmpty()) {
                throw new IllegalStateException(CONTENT_TYPES + " must list some of image/jpeg, image/png, image/heic,"
                        + " image/webp, got \"" + listed.get() + "\"");
            }
        }
        return new PhotoLimits(types, maxBytes, Duration.ofSeconds(ttl));
    }

    public boolean accepts(PhotoType type) {
        return types.contains(type);
    }

    public boolean acceptsSize(long bytes) {
        return bytes >= 1 && bytes <= maxBytes;
    }

    /** e.g. "image/jpeg, image/png" for messages. */
    public String typeList() {
        return String.join(", ", types.stream().map(PhotoType::contentType).toList());
    }

    /** e.g. "10 MB" for messages (MiB, as phones count). */
    public String sizeText() {
        long mib = 1024 * 1024;
        return maxBytes % mib == 0 ? (maxBytes / mib) + " MB" : maxBytes + " bytes";
    }
}
