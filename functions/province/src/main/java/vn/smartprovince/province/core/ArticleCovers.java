package vn.smartprovince.province.core;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

/**
 * Cover images of articles in the private photo bucket, under {@code news/}: uploaded straight from
 * the editor's browser through a presigned PUT, shown through presigned GETs.
 */
public interface ArticleCovers {

    /** PUT the bytes to {@code url} with exactly {@code headers}, then cite {@code key} as the coverKey. */
    record PresignedUpload(String key, URI url, Map<String, String> headers, Instant expiresAt) {
    }

    /** Signs an upload after checking type and size (400 naming contentType or sizeBytes). */
    PresignedUpload presignUpload(String contentType, long sizeBytes);

    /** 400 naming {@code coverKey} unless it is a cover key that was uploaded within the limits. */
    void verify(String key);

    /** A URL to show the cover, valid {@link #DOWNLOAD_DAYS} days from now. */
    URI downloadUrl(String key);

    /** How long a cover's download URL stays valid (the most SigV4 allows). */
    int DOWNLOAD_DAYS = 7;
}
