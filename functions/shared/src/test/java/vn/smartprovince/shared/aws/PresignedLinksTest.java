package vn.smartprovince.shared.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class PresignedLinksTest {
    private Instant now = Instant.parse("2026-12-06T08:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final AtomicInteger signed = new AtomicInteger();
    private final Supplier<URI> signer = () -> URI.create("https://bucket.s3/photo.jpg?X-Amz-Signature=" + signed.incrementAndGet());

    @Test
    void aLinkIsHandedOutAgainForFiveMinutesThenSignedAfresh() {
        PresignedLinks links = new PresignedLinks(16, Duration.ofMinutes(5), clock);
        URI first = links.get("b", "report-photos/a.jpg", Duration.ofHours(1), signer);
        now = now.plus(Duration.ofMinutes(4));
        assertEquals(first, links.get("b", "report-photos/a.jpg", Duration.ofHours(1), signer));
        now = now.plus(Duration.ofMinutes(1));
        assertNotEquals(first, links.get("b", "report-photos/a.jpg", Duration.ofHours(1), signer));
        assertEquals(2, signed.get());
    }

    @Test
    void aShortLivedLinkIsReusedForHalfItsValidityAtMost() {
        PresignedLinks links = new PresignedLinks(16, Duration.ofMinutes(5), clock);
        URI first = links.get("b", "k", Duration.ofMinutes(2), signer);
        now = now.plus(Duration.ofSeconds(59));
        assertEquals(first, links.get("b", "k", Duration.ofMinutes(2), signer));
        now = now.plus(Duration.ofSeconds(1));
        assertNotEquals(first, links.get("b", "k", Duration.ofMinutes(2), signer));
    }

    @Test
    void anotherKeyBucketOrValidityIsAnotherLink() {
        PresignedLinks links = new PresignedLinks(16, Duration.ofMinutes(5), clock);
        links.get("b", "k", Duration.ofHours(1), signer);
        links.get("b", "k2", Duration.ofHours(1), signer);
        links.get("b2", "k", Duration.ofHours(1), signer);
        links.get("b", "k", Duration.ofHours(2), signer);
        assertEquals(4, signed.get());
    }

    @Test
    void theLeastRecentlyUsedLinkIsForgottenBeyondCapacity() {
        PresignedLinks links = new PresignedLinks(2, Duration.ofMinutes(5), clock);
        links.get("b", "1", Duration.ofHours(1), signer);
        links.get("b", "2", Duration.ofHours(1), signer);
        links.get("b", "1", Duration.ofHours(1), signer);
        links.get("b", "3", Duration.ofHours(1), signer);
        links.get("b", "1", Duration.ofHours(1), signer);
        assertEquals(3, signed.get(), "1 kept (recently used), 2 forgotten");
        links.get("b", "2", Duration.ofHours(1), signer);
        assertEquals(4, signed.get());
    }

    @Test
    void aClockThatWentBackSignsAfresh() {
        PresignedLinks links = new PresignedLinks(16, Duration.ofMinutes(5), clock);
        URI first = links.get("b", "k", Duration.ofHours(1), signer);
        now = now.minus(Duration.ofMinutes(1));
        assertNotEquals(first, links.get("b", "k", Duration.ofHours(1), signer));
    }
}
