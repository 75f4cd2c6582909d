package vn.smartprovince.province.news;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import vn.smartprovince.province.core.Article;
import vn.smartprovince.province.core.ArticleCovers;
import vn.smartprovince.shared.json.Json;

/** How an article is shown: to its authors (everything) and to the public (what readers see). */
final class ArticleViews {
    private ArticleViews() {
    }

    /** The authors' view: every field, with its version (the next change sends it back). */
    static ObjectNode desk(Article a) {
        ObjectNode node = common(a);
        node.put("status", a.status().name());
        node.put("body", a.body());
        node.put("coverKey", a.coverKey());
        node.put("publishAt", text(a.publishAt()));
        node.put("authorId", a.authorId());
        node.put("createdAt", text(a.createdAt()));
        return node;
    }

    /** A public feed entry: no body, the cover as a URL (valid {@link ArticleCovers#DOWNLOAD_DAYS} days), or null. */
    static ObjectNode summary(Article a, ArticleCovers covers) {
        ObjectNode node = common(a);
        node.put("coverUrl", a.coverKey() == null ? null : covers.downloadUrl(a.coverKey()).toString());
        return node;
    }

    /** The public article: the summary and the (already safe) body. */
    static ObjectNode article(Article a, ArticleCovers covers) {
        return summary(a, covers).put("body", a.body());
    }

    private static ObjectNode common(Article a) {
        ObjectNode node = Json.object();
        node.put("id", a.id());
        node.put("version", a.version());
        node.put("title", a.title());
        node.put("summary", a.summary());
        node.put("category", a.category().name());
        node.put("categoryLabel", a.category().label());
        ArrayNode communes = node.putArray("communes");
        a.communes().forEach(communes::add);
        node.put("agencyId", a.agencyId());
        node.put("pinned", a.pinned());
        node.put("publishedAt", text(a.publishedAt()));
        node.put("updatedAt", text(a.updatedAt()));
        return node;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
