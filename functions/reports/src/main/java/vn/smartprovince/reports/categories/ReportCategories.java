package vn.smartprovince.reports.categories;

import java.util.List;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.EntityTags;
import vn.smartprovince.shared.province.Category;

/**
 * The report categories citizens choose from, as the mini app shows them, with an entity tag
 * that changes whenever the configuration in force changes (its version and hash) or this view
 * of it does ({@link #VIEW_REVISION}): a client that still holds the current list gets
 * "not modified" without the list.
 */
public final class ReportCategories {
    /** Raise when the view's fields change, so that clients holding the old shape fetch the new one. */
    static final int VIEW_REVISION = 1;

    private final CategorySource source;

    public ReportCategories(CategorySource source) {
        this.source = source;
    }

    /** One category as the mini app sees it (the routing-only {@code duplicateRadiusMeters} is left out). */
    public record CategoryView(String code, String name, String description, String iconKey, boolean anonymousAllowed,
                               int answerDeadlineWorkingDays, boolean urgent) {
        static CategoryView of(Category category) {
            return new CategoryView(category.code(), category.name(), category.description(), category.iconKey(),
                    category.anonymousAllowed(), category.answerDeadlineWorkingDays(), category.urgent());
        }
    }

    /** The answer's body: every category, in the configuration's order (no pagination: a province has a few dozen). */
    public record CategoryList(String provinceCode, int configVersion, List<CategoryView> items) {
    }

    public sealed interface Answer permits Listing, NotModified {
        String etag();
    }

    public record Listing(String etag, CategoryList body) implements Answer {
    }

    public record NotModified(String etag) implements Answer {
    }

    /**
     * The categories in force, or {@link NotModified} when {@code ifNoneMatch} names their
     * current entity tag. No configuration published yet is a 503 (a deployment step is missing,
     * nothing the caller did).
     */
    public Answer list(String ifNoneMatch) {
        PublishedCategories published = source.current()
                .orElseThrow(() -> ApiException.unavailable("province configuration not published"));
        String etag = etag(published);
        if (EntityTags.noneMatchHits(ifNoneMatch, etag)) {
            return new NotModified(etag);
        }
        return new Listing(etag, new CategoryList(published.provinceCode(), published.configVersion(),
                published.categories().stream().map(CategoryView::of).toList()));
    }

    /** e.g. {@code "v3-5f2c0a9be1d47a60-r1"}: configuration version, the start of its SHA-256, view revision. */
    static String etag(PublishedCategories published) {
        String sha = published.configSha256();
        return "\"v" + published.configVersion() + "-" + sha.substring(0, Math.min(16, sha.length()))
                + "-r" + VIEW_REVISION + "\"";
    }
}
