package vn.smartprovince.shared.aws;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The download links a store has signed lately, handed out again while they are fresh. Signing
 * one costs the SDK's presigner 110-180 µs and 65 KB (measured with JMH), and a feed page signs 60:
 * most of a warm read's time. A link is reused for at most {@code maxAge} (5 minutes) and half its
 * validity, so whoever gets it still has most of its time, and a link signed with role credentials
 * that have since been rotated is not handed out for long. It also keeps a page's links, and so its
 * ETag, stable between two reads. Held per store instance (one per function instance): wall-clock
 * ages, so a SnapStart restore does not make old links look fresh.
 */
public final class PresignedLinks {
    private record Key(String bucket, String key, Duration validFor) {
    }

    private record Link(URI uri, Instant signedAt) {
    }

    private final Duration maxAge;
    private final Clock clock;
    private final Map<Key, Link> links;

    public PresignedLinks() {
        this(1024, Duration.ofMinutes(5), Clock.systemUTC());
    }

    PresignedLinks(int capacity, Duration maxAge, Clock clock) {
        this.maxAge = maxAge;
        this.clock = clock;
        this.links = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Link> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The link to {@code key} valid for {@code validFor}: a fresh enough one signed earlier, else {@code sign}'s. */
    public synchronized URI get(String bucket, String key, Duration validFor, Supplier<URI> sign) {
        Key id = new Key(bucket, key, validFor);
        Instant now = clock.instant();
        Link link = links.get(id);
        Duration reuse = validFor.dividedBy(2).compareTo(maxAge) < 0 ? validFor.dividedBy(2) : maxAge;
        if (link == null || !now.isBefore(link.signedAt().plus(reuse)) || now.isBefore(link.signedAt())) {
            link = new Link(sign.get(), now);
            links.put(id, link);
        }
        return link.uri();
    }
}
