package vn.smartprovince.province.news;

import java.time.Clock;
import java.time.Instant;
import vn.smartprovince.province.core.Article;
import vn.smartprovince.province.core.ArticleStatus;
import vn.smartprovince.province.core.ArticleStore;

/**
 * Publishes the SCHEDULED articles that are due. Each is published with a write conditional on
 * its status and version, so an article publishes once even when the rule fires twice or two runs
 * overlap: the second writer finds it moved on and skips it. Its {@code publishedAt} is the time
 * it was scheduled for, not when the run came by.
 */
public final class ArticleScheduler {
    /** Articles published per run at most (a run a minute: far more than a province writes). */
    static final int MAX_PER_RUN = 500;
    private static final int PAGE = 50;

    /** What a run did: published, and skipped because another run (or an author) got there first. */
    public record Counts(int published, int skipped) {
    }

    private final ArticleStore store;
    private final Clock clock;

    public ArticleScheduler(ArticleStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Counts run() {
        Instant now = clock.instant();
        int published = 0;
        int skipped = 0;
        while (published + skipped < MAX_PER_RUN) {
            var due = store.due(now, PAGE);
            if (due.isEmpty()) {
                break;
            }
            int before = published;
            for (Article article : due) {
                if (publish(article, now)) {
                    published++;
                } else {
                    skipped++;
                }
            }
            if (published == before) {
                break;   // only articles someone else moved on: the index has not caught up yet
            }
        }
        return new Counts(published, skipped);
    }

    /** One due article published; false when it was no longer at the version and status read. */
    boolean publish(Article article, Instant now) {
        return store.replace(article, article.withStatus(ArticleStatus.PUBLISHED, null, article.publishAt(), now));
    }
}
