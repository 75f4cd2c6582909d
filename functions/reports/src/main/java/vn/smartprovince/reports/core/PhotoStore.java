package vn.smartprovince.reports.core;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Where citizens' and officers' photos live: a private bucket. Uploads go straight from the mini
 * app to storage through presigned URLs; the API only ever handles object keys. Photos stay
 * private until their report is published, and are then shown through short-lived URLs.
 */
public interface PhotoStore {

    /** A presigned upload: PUT the bytes to {@code url} with exactly {@code headers}, then cite {@code key}. */
    record PresignedUpload(String key, URI url, java.util.Map<String, String> headers, Instant expiresAt) {
    }

    /** Signs an upload for this user, after checking the content type and size against the limits (400 naming the field). */
    PresignedUpload presignUpload(String userId, String contentType, long sizeBytes);

    /**
     * Checks that every key was uploaded by this user and exists; a 400 names the failing
     * {@code photoKeys[i]} otherwise. Nothing is changed.
     */
    void verifyUploadedBy(String userId, List<String> keys);

    /** A short-lived URL to show a photo (of a published report, or to its owner and officers). */
    URI presignDownload(String key, Duration validFor);

    /**
     * Gives report {@code reportId} its own copy of each upload ({@link PhotoKeys#forReport}) and
     * answers the copies' keys, in order. Call it with keys {@link #verifyUploadedBy} accepted,
     * before the report is written: a report never cites a photo that is not there. Idempotent (a
     * retried request makes the same copies). The uploads themselves expire a day after upload.
     * A 400 names {@code photoKeys[i]} when an upload vanished meanwhile; 503 when storage fails.
     */
    List<String> attach(String reportId, List<String> uploadKeys);
}
