package vn.smartprovince.province.core;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A news article as stored. {@code body} is already the safe HTML ({@link ArticleHtml#clean}),
 * never the author's raw input. {@code agencyId} null means the province writes it; {@code communes}
 * empty means the whole province. {@code version} grows by one on every change.
 *
 * @param publishAt   when a SCHEDULED article is due (null otherwise)
 * @param publishedAt when it was (last) published; kept after an unpublish
 * @param requestHash the creating request's hash (Idempotency-Key replays)
 */
public record Article(String id, long version, ArticleStatus status, String title, String summary, String body,
                      ArticleCategory category, List<String> communes, String coverKey, String agencyId,
                      String authorId, boolean pinned, Instant publishAt, Instant publishedAt, Instant createdAt,
                      Instant updatedAt, String requestHash) {
    public Article {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(category, "category");
        communes = communes == null ? List.of() : List.copyOf(communes);
    }

    /** For the whole province (no commune named). */
    public boolean wholeProvince() {
        return communes.isEmpty();
    }

    /** Whether it concerns this commune (an article for the whole province concerns every commune). */
    public boolean concerns(String commune) {
        return commune == null || wholeProvince() || communes.contains(commune);
    }

    /** The same article, changed at {@code now}: a new version. */
    public Article next(ArticleStatus newStatus, String newTitle, String newSummary, String newBody,
                        ArticleCategory newCategory, List<String> newCommunes, String newCoverKey, boolean newPinned,
                        Instant newPublishAt, Instant newPublishedAt, Instant now) {
        return new Article(id, version + 1, newStatus, newTitle, newSummary, newBody, newCategory, newCommunes,
                newCoverKey, agencyId, authorId, newPinned, newPublishAt, newPublishedAt, createdAt, now, requestHash);
    }

    public Article withStatus(ArticleStatus newStatus, Instant newPublishAt, Instant newPublishedAt, Instant now) {
        return next(newStatus, title, summary, body, category, communes, coverKey, pinned, newPublishAt,
                newPublishedAt, now);
    }

    public Article withPinned(boolean newPinned, Instant now) {
        return next(status, title, summary, body, category, communes, coverKey, newPinned, publishAt, publishedAt, now);
    }
}
