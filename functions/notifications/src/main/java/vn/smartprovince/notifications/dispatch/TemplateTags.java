package vn.smartprovince.notifications.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * ZNS templates' tags (which decide the sending hours), asked of Zalo once per template and kept
 * for an hour: a province has a handful of templates, and Zalo, not our configuration, knows the
 * tag it approved.
 */
final class TemplateTags {
    static final Duration TTL = Duration.ofHours(1);

    private record Entry(String tag, Instant readAt) {
    }

    private final Map<String, Entry> tags = new ConcurrentHashMap<>();
    private final Clock clock;

    TemplateTags(Clock clock) {
        this.clock = clock;
    }

    /** @param ask Zalo's template info: (token, templateId) -> tag; its failures propagate */
    String tag(String templateId, String token, BiFunction<String, String, String> ask) {
        Entry entry = tags.get(templateId);
        Instant now = clock.instant();
        if (entry != null && now.isBefore(entry.readAt().plus(TTL))) {
            return entry.tag();
        }
        // One question per template at a time: the jobs of a batch that need it wait for the answer.
        return tags.compute(templateId, (id, old) -> old != null && now.isBefore(old.readAt().plus(TTL)) ? old
                : new Entry(ask.apply(token, id), now)).tag();
    }
}
