package vn.smartprovince.reports.core;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import vn.smartprovince.shared.http.ApiException;

/**
 * Short-lived links to show a report's photos: to the public once the report is published (the
 * feed), to its owner and officers always (the report's detail). Signing needs no call to S3.
 */
public final class PhotoLinks {
    /** Long enough to scroll a page of the feed or read a report, short enough that a shared link soon dies. */
    public static final Duration VALIDITY = Duration.ofMinutes(15);
    /** For wiring without a bucket (tests of other rules): every list of links is empty. */
    public static final PhotoLinks NONE = new PhotoLinks(null, Clock.systemUTC());

    /** A photo as the mini app shows it: {@code url} works until {@code expiresAt}. */
    public record Link(String url, String expiresAt) {
    }

    private final PhotoStore photos;
    private final Clock clock;

    public PhotoLinks(PhotoStore photos, Clock clock) {
        this.photos = photos;
        this.clock = clock;
    }

    /**
     * One link per key, in order. Storage unavailable: no links at all (the report is still worth
     * showing without its photos, and the next read signs again).
     */
    public List<Link> of(List<String> keys) {
        if (photos == null || keys.isEmpty()) {
            return List.of();
        }
        String expires = clock.instant().plus(VALIDITY).toString();
        List<Link> links = new ArrayList<>(keys.size());
        for (String key : keys) {
            try {
                links.add(new Link(photos.presignDownload(key, VALIDITY).toString(), expires));
            } catch (ApiException e) {
                return List.of();
            }
        }
        return links;
    }
}
