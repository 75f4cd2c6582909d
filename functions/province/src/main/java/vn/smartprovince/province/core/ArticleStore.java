package vn.smartprovince.province.core;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where articles are kept, with the lists they appear in: the authors' desk (per agency or the
 * province), the schedule (SCHEDULED by {@code publishAt}), the public feed (PUBLISHED, pinned
 * first, newest first) and the word index of published articles (one entry per folded word of
 * title and summary). Every change is conditional on the version and status read, so two writers
 * (two editors, two scheduler runs) never both win.
 */
public interface ArticleStore {

    /** A page of articles and the opaque key where the next starts (null at the end). */
    record Page(List<Article> items, String nextKey) {
        public Page {
            items = List.copyOf(items);
        }
    }

    /** One entry of the word index: the article and its folded title and summary. */
    record WordHit(String articleId, String folded) {
    }

    Optional<Article> find(String id);

    /** The articles with these ids that exist, in no particular order. */
    List<Article> findAll(Collection<String> ids);

    /** Writes a new article; false (nothing written) when one with its id exists. */
    boolean create(Article article);

    /**
     * Replaces {@code previous} with {@code next} if it is still exactly at {@code previous}'s
     * version and status; false (nothing written) when it moved on. Keeps the lists and the word
     * index in step with {@code next}'s status.
     */
    boolean replace(Article previous, Article next);

    /** SCHEDULED articles due at {@code now}, earliest first, at most {@code limit}. */
    List<Article> due(Instant now, int limit);

    /** The public feed, pinned first then newest first; {@code category}/{@code commune} null: any. */
    Page feed(ArticleCategory category, String commune, String afterKey, int limit);

    /** The newest entries of the word index for this folded word, at most {@code limit}. */
    List<WordHit> wordHits(String word, int limit);

    /** The desk of an agency ({@code agencyId}) or of the province (null), last changed first. */
    Page desk(String agencyId, ArticleStatus status, String afterKey, int limit);
}
