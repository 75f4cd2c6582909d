package vn.smartprovince.province.core;

/**
 * Where an article is in its life. {@code DRAFT} (written, not public) and {@code UNPUBLISHED}
 * (taken down) are seen only by its authors; {@code SCHEDULED} waits for its {@code publishAt};
 * {@code PUBLISHED} is in the public feed and the search index.
 */
public enum ArticleStatus {
    DRAFT,
    SCHEDULED,
    PUBLISHED,
    UNPUBLISHED
}
