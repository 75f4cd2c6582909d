package vn.smartprovince.province.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.smartprovince.province.core.Article;
import vn.smartprovince.province.core.ArticleCategory;
import vn.smartprovince.province.core.ArticleStatus;
import vn.smartprovince.shared.aws.Attributes;
import vn.smartprovince.shared.text.SearchText;

/**
 * The items of the news (docs/news.md, "Items"):
 *
 * <pre>
 * pk = ARTICLE#&lt;id&gt;   sk = ARTICLE   itemType ARTICLE, the {@link Article}'s fields, wholeProvince
 *   desk:      gsi1pk = NEWSDESK#PROVINCE | NEWSDESK#AGENCY#&lt;agencyId&gt;   gsi1sk = &lt;updatedAt&gt;#&lt;id&gt;
 *   SCHEDULED: gsi2pk = NEWS#SCHEDULED   gsi2sk = &lt;publishAt&gt;#&lt;id&gt;
 *   PUBLISHED: gsi2pk = NEWS#FEED        gsi2sk = 1|0 (pinned) #&lt;publishedAt&gt;#&lt;id&gt;
 * pk = NEWSWORD#&lt;folded word&gt;   sk = &lt;publishedAt&gt;#&lt;id&gt;   itemType NEWS_WORD, articleId, folded
 *   (one per distinct folded word of a PUBLISHED article's title and summary)
 * </pre>
 *
 * Instants in keys are UTC with milliseconds, fixed width, so text order is time order.
 */
final class ArticleItems {
    static final String SK = "ARTICLE";
    static final String FEED = "NEWS#FEED";
    static final String SCHEDULED = "NEWS#SCHEDULED";
    static final String WORD_PREFIX = "NEWSWORD#";
    /** At most this many words of one article are indexed (a 200-char title and a 500-char summary have fewer). */
    static final int MAX_WORDS = 200;

    private static final DateTimeFormatter KEY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private ArticleItems() {
    }

    static String pk(String id) {
        return "ARTICLE#" + id;
    }

    static String time(Instant instant) {
        return KEY_TIME.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    static String desk(String agencyId) {
        return agencyId == null ? "NEWSDESK#PROVINCE" : "NEWSDESK#AGENCY#" + agencyId;
    }

    static String feedSortKey(Article article) {
        return (article.pinned() ? "1#" : "0#") + time(article.publishedAt()) + "#" + article.id();
    }

    /** The id at the end of an index sort key ({@code ...#<id>}). */
    static String idOf(String sortKey) {
        return sortKey.substring(sortKey.lastIndexOf('#') + 1);
    }

    static Map<String, AttributeValue> item(Article a) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(Attributes.key(pk(a.id()), SK));
        item.put("itemType", Attributes.s("ARTICLE"));
        item.put("id", Attributes.s(a.id()));
        item.put("version", Attributes.n(a.version()));
        item.put("status", Attributes.s(a.status()));
        item.put("title", Attributes.s(a.title()));
        item.put("summary", Attributes.s(a.summary()));
        item.put("body", Attributes.s(a.body()));
        item.put("category", Attributes.s(a.category()));
        item.put("communes", AttributeValue.fromL(a.communes().stream().map(AttributeValue::fromS).toList()));
        item.put("wholeProvince", AttributeValue.fromBool(a.wholeProvince()));
        item.put("coverKey", Attributes.s(a.coverKey()));
        item.put("agencyId", Attributes.s(a.agencyId()));
        item.put("authorId", Attributes.s(a.authorId()));
        item.put("pinned", AttributeValue.fromBool(a.pinned()));
        item.put("publishAt", a.publishAt() == null ? null : Attributes.s(time(a.publishAt())));
        item.put("publishedAt", a.publishedAt() == null ? null : Attributes.s(time(a.publishedAt())));
        item.put("createdAt", Attributes.s(time(a.createdAt())));
        item.put("updatedAt", Attributes.s(time(a.updatedAt())));
        item.put("requestHash", Attributes.s(a.requestHash()));
        item.put("gsi1pk", Attributes.s(desk(a.agencyId())));
        item.put("gsi1sk", Attributes.s(time(a.updatedAt()) + "#" + a.id()));
        if (a.status() == ArticleStatus.SCHEDULED) {
            item.put("gsi2pk", Attributes.s(SCHEDULED));
            item.put("gsi2sk", Attributes.s(time(a.publishAt()) + "#" + a.id()));
        } else if (a.status() == ArticleStatus.PUBLISHED) {
            item.put("gsi2pk", Attributes.s(FEED));
            item.put("gsi2sk", Attributes.s(feedSortKey(a)));
        }
        return Attributes.withoutNulls(item);
    }

    static Article article(Map<String, AttributeValue> item) {
        List<String> communes = new ArrayList<>();
        AttributeValue list = item.get("communes");
        if (list != null && list.hasL()) {
            list.l().forEach(value -> communes.add(value.s()));
        }
        return new Article(Attributes.text(item, "id"), Attributes.number(item, "version"),
                ArticleStatus.valueOf(Attributes.text(item, "status")), Attributes.text(item, "title"),
                Attributes.text(item, "summary"), Attributes.text(item, "body"),
                ArticleCategory.valueOf(Attributes.text(item, "category")), communes,
                Attributes.text(item, "coverKey"), Attributes.text(item, "agencyId"),
                Attributes.text(item, "authorId"), Attributes.bool(item, "pinned"),
                Attributes.instant(item, "publishAt"), Attributes.instant(item, "publishedAt"),
                Attributes.instant(item, "createdAt"), Attributes.instant(item, "updatedAt"),
                Attributes.text(item, "requestHash"));
    }

    /** The folded title and summary, as the word index keeps it and search filters it. */
    static String folded(Article a) {
        return SearchText.fold(a.title() + " " + (a.summary() == null ? "" : a.summary()));
    }

    /** The word index entries a PUBLISHED article has (none for any other status). */
    static Map<String, Map<String, AttributeValue>> wordItems(Article a) {
        Map<String, Map<String, AttributeValue>> items = new LinkedHashMap<>();
        if (a.status() != ArticleStatus.PUBLISHED) {
            return items;
        }
        String folded = folded(a);
        String sk = time(a.publishedAt()) + "#" + a.id();
        for (String word : SearchText.words(folded)) {
            if (items.size() >= MAX_WORDS) {
                break;
            }
            Map<String, AttributeValue> item = new LinkedHashMap<>(Attributes.key(WORD_PREFIX + word, sk));
            item.put("itemType", Attributes.s("NEWS_WORD"));
            item.put("articleId", Attributes.s(a.id()));
            item.put("folded", Attributes.s(folded));
            items.put(WORD_PREFIX + word + "|" + sk, item);
        }
        return items;
    }
}
