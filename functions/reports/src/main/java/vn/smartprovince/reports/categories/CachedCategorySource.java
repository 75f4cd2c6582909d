package vn.smartprovince.reports.categories;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Keeps what another source answered for a while, per function instance: categories change
 * rarely (a new configuration is published), while every mini app start asks for them. A newly
 * published configuration is served after at most {@code ttl}; {@code ttl} zero reads every time.
 * An empty answer (no configuration yet) is not kept.
 */
public final class CachedCategorySource implements CategorySource {
    private final CategorySource source;
    private final Duration ttl;
    private final Clock clock;
    private volatile Kept kept;

    private record Kept(PublishedCategories categories, Instant until) {
    }

    public CachedCategorySource(CategorySource source, Duration ttl, Clock clock) {
        this.source = source;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public Optional<PublishedCategories> current() {
        Instant now = clock.instant();
        Kept held = kept;
        if (held != null && now.isBefore(held.until())) {
            return Optional.of(held.categories());
        }
        Optional<PublishedCategories> fresh = source.current();
        kept = fresh.map(categories -> new Kept(categories, now.plus(ttl))).orElse(null);
        return fresh;
    }
}
