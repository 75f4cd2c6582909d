package vn.smartprovince.province.news;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import vn.smartprovince.province.core.Article;
import vn.smartprovince.province.core.ArticleCategory;
import vn.smartprovince.province.core.ArticleCovers;
import vn.smartprovince.province.core.ArticleStatus;
import vn.smartprovince.province.core.ArticleStore;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.BodyFields;
import vn.smartprovince.shared.http.EntityTags;
import vn.smartprovince.shared.http.FieldError;
import vn.smartprovince.shared.http.PageCursor;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.province.ProvinceConfig;
import vn.smartprovince.shared.text.SearchText;

/**
 * Public reading (no session): the feed (pinned first, newest first; by category and commune, an
 * article for the whole province being in every commune's feed), diacritics-free search, one
 * article. Answers carry an ETag; a matching {@code If-None-Match} is answered "not modified"
 * before any cover URL is signed.
 *
 * <p>The ETag is built from what the answer shows (ids and versions; every change of an article,
 * a pin too, raises its version) and the UTC day the cover URLs were signed on: a cover URL is valid
 * {@link ArticleCovers#DOWNLOAD_DAYS} days, so a body a client keeps by revalidating is never older
 * than a day's signing and its cover URLs still work.
 */
public final class NewsReading {
    /** Search reads at most this many entries of the word index (the newest). */
    static final int SEARCH_WINDOW = 200;
    private static final Pattern ID = Pattern.compile("art_[a-z2-7]{24}");
    private static final Pattern FEED_KEY = Pattern.compile("[01]#[0-9TZ:.\\-]{24}#art_[a-z2-7]{24}");

    /** An answer: shown (200 with this body) or not modified (304). */
    public record Answer(String etag, ObjectNode body) {
        public boolean notModified() {
            return body == null;
        }
    }

    private final ArticleStore store;
    private final ArticleCovers covers;
    private final Supplier<ProvinceConfig> config;
    private final Clock clock;

    public NewsReading(ArticleStore store, ArticleCovers covers, Supplier<ProvinceConfig> config, Clock clock) {
        this.store = store;
        this.covers = covers;
        this.config = config;
        this.clock = clock;
    }

    /** The feed, or with {@code q} the search results (newest first, at most {@code limit}, no next page). */
    public Answer feed(String category, String commune, String q, String cursor, int limit, String ifNoneMatch) {
        ArticleCategory wantedCategory = category(category);
        String wantedCommune = commune(commune);
        List<Article> items;
        String next = null;
        if (q != null && !SearchText.words(q).isEmpty()) {
            if (SearchText.fold(q).length() > 200) {
                throw ApiException.invalid(new FieldError("q", "TOO_LONG", "Tối đa 200 ký tự.", "At most 200 characters."));
            }
            items = search(q, wantedCategory, wantedCommune, limit);
        } else {
            String binding = "news-feed#" + (wantedCategory == null ? "" : wantedCategory.name()) + "#"
                    + (wantedCommune == null ? "" : wantedCommune);
            String after = cursor == null ? null : PageCursor.decode(cursor, binding, FEED_KEY);
            ArticleStore.Page page = store.feed(wantedCategory, wantedCommune, after, limit);
            items = page.items();
            next = page.nextKey() == null ? null : PageCursor.encode(binding, page.nextKey());
        }
        StringBuilder identity = new StringBuilder("feed");
        items.forEach(a -> identity.append('|').append(a.id()).append(':').append(a.version()));
        identity.append('|').append(next);
        String etag = etag(identity.toString());
        if (EntityTags.noneMatchHits(ifNoneMatch, etag)) {
            return new Answer(etag, null);
        }
        ObjectNode body = Json.object();
        ArrayNode array = body.putArray("items");
        items.forEach(a -> array.add(ArticleViews.summary(a, covers)));
        body.put("nextCursor", next);
        return new Answer(etag, body);
    }

    /** One published article; 404 for anything else (a draft is nobody's business). */
    public Answer article(String id, String ifNoneMatch) {
        if (id == null || !ID.matcher(id).matches()) {
            throw ArticleDesk.notFound();
        }
        Article article = store.find(id).filter(a -> a.status() == ArticleStatus.PUBLISHED)
                .orElseThrow(ArticleDesk::notFound);
        String etag = etag("article|" + article.id() + ":" + article.version());
        if (EntityTags.noneMatchHits(ifNoneMatch, etag)) {
            return new Answer(etag, null);
        }
        return new Answer(etag, ArticleViews.article(article, covers));
    }

    /**
     * Search (docs/news.md, "Search"): one query word's entries of the word index (the longest word
     * but the last, which may be half typed; the only word when there is one), newest first, filtered
     * in memory so every query word starts a word of the title or summary, then the articles
     * themselves read (only PUBLISHED ones count) and filtered by category and commune.
     */
    private List<Article> search(String q, ArticleCategory category, String commune, int limit) {
        List<String> words = SearchText.words(q);
        List<String> candidates = words.size() > 1 ? words.subList(0, words.size() - 1) : words;
        String word = candidates.stream().max(Comparator.comparingInt(String::length)).orElseThrow();
        Map<String, Integer> order = new LinkedHashMap<>();
        for (ArticleStore.WordHit hit : store.wordHits(word, SEARCH_WINDOW)) {
            if (SearchText.matches(hit.folded(), q)) {
                order.putIfAbsent(hit.articleId(), order.size());
            }
        }
        List<Article> found = new ArrayList<>(store.findAll(order.keySet()));
        found.removeIf(a -> a.status() != ArticleStatus.PUBLISHED || (category != null && a.category() != category)
                || !a.concerns(commune));
        found.sort(Comparator.comparing(a -> order.get(a.id())));
        return found.size() > limit ? found.subList(0, limit) : found;
    }

    private static ArticleCategory category(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return ArticleCategory.valueOf(text.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(BodyFields.notOneOf("category", ArticleCategory.values()));
        }
    }

    private String commune(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        if (config.get().area(code.strip()).isEmpty()) {
            throw ApiException.invalid(new FieldError("commune", "UNKNOWN_AREA",
                    "Không có xã/phường với mã này trong tỉnh.", "No commune or ward of the province has this code."));
        }
        return code.strip();
    }

    private String etag(String identity) {
        LocalDate signedOn = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((identity + "|" + signedOn).getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
