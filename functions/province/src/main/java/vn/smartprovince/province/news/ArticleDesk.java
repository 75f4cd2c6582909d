package vn.smartprovince.province.news;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import vn.smartprovince.province.core.Article;
import vn.smartprovince.province.core.ArticleCategory;
import vn.smartprovince.province.core.ArticleCovers;
import vn.smartprovince.province.core.ArticleHtml;
import vn.smartprovince.province.core.ArticleRights;
import vn.smartprovince.province.core.ArticleStatus;
import vn.smartprovince.province.core.ArticleStore;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.BodyFields;
import vn.smartprovince.shared.http.ErrorCode;
import vn.smartprovince.shared.http.FieldError;
import vn.smartprovince.shared.http.PageCursor;
import vn.smartprovince.shared.idempotency.Idempotency;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.province.ProvinceConfig;

/**
 * What authors do (docs/news.md, "Authoring"). Every method checks the caller first: 403 for anyone
 * but an editor or a province admin, then 404 for an article they may not change
 * ({@link ArticleRights}), and only then reads the body. Changes carry the version the author saw
 * ({@code expectedVersion} or {@code If-Match}); a stale one is 409 with the current article.
 */
public final class ArticleDesk {
    static final int TITLE_CHARS = 200;
    static final int SUMMARY_CHARS = 500;
    /** The body as sent, before cleaning (the cleaned one is at most {@link ArticleHtml#MAX_CHARS}). */
    static final int RAW_BODY_CHARS = 200_000;
    static final int MAX_COMMUNES = 100;
    /** The furthest ahead an article may be scheduled. */
    static final Duration MAX_SCHEDULE = Duration.ofDays(366);
    private static final Set<String> FIELDS = Set.of("title", "summary", "body", "category", "communes", "coverKey");
    private static final Pattern ID = Pattern.compile("art_[a-z2-7]{24}");
    private static final Pattern DESK_KEY = Pattern.compile("[0-9TZ:.\\-]{24}#art_[a-z2-7]{24}");

    /** An answer and whether it replays an earlier request's. */
    public record Result(ObjectNode body, boolean replayed) {
    }

    private final ArticleStore store;
    private final ArticleCovers covers;
    private final Supplier<ProvinceConfig> config;
    private final Clock clock;

    public ArticleDesk(ArticleStore store, ArticleCovers covers, Supplier<ProvinceConfig> config, Clock clock) {
        this.store = store;
        this.covers = covers;
        this.config = config;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ create and edit

    /** A new DRAFT, written for the caller's agency (or the province); 201, or the first answer replayed. */
    public Result create(Caller caller, String idempotencyKey, Supplier<JsonNode> request) {
        ArticleRights.requireAuthor(caller);
        JsonNode body = request.get();
        BodyFields problems = new BodyFields();
        problems.onlyFields(body, FIELDS);
        String title = problems.text(body, "title", "title", true, TITLE_CHARS, false);
        String summary = problems.text(body, "summary", "summary", false, SUMMARY_CHARS, true);
        String html = cleanBody(problems, body);
        ArticleCategory category = problems.oneOf(body, "category", "category", ArticleCategory.values(), true);
        List<String> communes = communes(problems, body);
        String coverKey = problems.text(body, "coverKey", "coverKey", false, 200, false);
        problems.done();
        if (coverKey != null) {
            covers.verify(coverKey);
        }
        String hash = Idempotency.requestHash(Json.write(body));
        String id = Idempotency.newId("art_", "article", caller.userId(), idempotencyKey);
        Instant now = now();
        Article article = new Article(id, 1, ArticleStatus.DRAFT, title, summary, html, category, communes, coverKey,
                ArticleRights.writesFor(caller), caller.userId(), false, null, null, now, now, hash);
        if (store.create(article)) {
            return new Result(ArticleViews.desk(article), false);
        }
        Article first = store.find(id).orElseThrow(() -> new IllegalStateException("article " + id + " vanished"));
        Idempotency.checkSameRequest(first.requestHash(), hash);
        return new Result(ArticleViews.desk(first), true);
    }

    /** Changes the fields sent (any of title, summary, body, category, communes, coverKey); the status stays. */
    public ObjectNode edit(Caller caller, String id, String ifMatch, Supplier<JsonNode> request) {
        Change change = change(caller, id, ifMatch, request, FIELDS);
        Article current = change.current();
        JsonNode body = change.body();
        BodyFields problems = change.problems();
        String title = body.has("title") ? problems.text(body, "title", "title", true, TITLE_CHARS, false) : current.title();
        String summary = body.has("summary") ? problems.text(body, "summary", "summary", false, SUMMARY_CHARS, true)
                : current.summary();
        String html = body.has("body") ? cleanBody(problems, body) : current.body();
        ArticleCategory category = body.has("category")
                ? problems.oneOf(body, "category", "category", ArticleCategory.values(), true) : current.category();
        List<String> communes = body.has("communes") ? communes(problems, body) : current.communes();
        String coverKey = body.has("coverKey") ? problems.text(body, "coverKey", "coverKey", false, 200, false)
                : current.coverKey();
        change.check();
        if (coverKey != null && !coverKey.equals(current.coverKey())) {
            covers.verify(coverKey);
        }
        Article next = current.next(current.status(), title, summary, html, category, communes, coverKey,
                current.pinned(), current.publishAt(), current.publishedAt(), now());
        return save(current, next);
    }

    // ------------------------------------------------------------------ publishing

    /**
     * {@code publishAt} absent or not in the future: PUBLISHED now; later: SCHEDULED (the scheduled
     * function publishes it). From DRAFT, UNPUBLISHED or SCHEDULED (a new time); 409 when published.
     */
    public ObjectNode publish(Caller caller, String id, String ifMatch, Supplier<JsonNode> request) {
        Change change = change(caller, id, ifMatch, request, Set.of("publishAt"));
        Article current = change.current();
        BodyFields problems = change.problems();
        Instant now = now();
        Instant publishAt = instant(problems, change.body(), "publishAt");
        if (publishAt != null && publishAt.isAfter(now.plus(MAX_SCHEDULE))) {
            problems.error("publishAt", "OUT_OF_RANGE", "Chỉ hẹn giờ đăng trong vòng một năm.",
                    "An article may be scheduled at most a year ahead.");
        }
        change.check();
        if (current.status() == ArticleStatus.PUBLISHED) {
            throw conflict("ALREADY_PUBLISHED", "Bài viết đã được đăng.", "The article is already published.", current);
        }
        Article next = publishAt == null || !publishAt.isAfter(now)
                ? current.withStatus(ArticleStatus.PUBLISHED, null, now, now)
                : current.withStatus(ArticleStatus.SCHEDULED, publishAt, current.publishedAt(), now);
        return save(current, next);
    }

    /** PUBLISHED becomes UNPUBLISHED (out of the feed and search); SCHEDULED goes back to DRAFT. */
    public ObjectNode unpublish(Caller caller, String id, String ifMatch, Supplier<JsonNode> request) {
        Article current = change(caller, id, ifMatch, request, Set.of()).check();
        Instant now = now();
        Article next = switch (current.status()) {
            case PUBLISHED -> current.withStatus(ArticleStatus.UNPUBLISHED, null, current.publishedAt(), now);
            case SCHEDULED -> current.withStatus(ArticleStatus.DRAFT, null, current.publishedAt(), now);
            default -> throw conflict("NOT_PUBLISHED", "Bài viết chưa được đăng hay hẹn giờ.",
                    "The article is neither published nor scheduled.", current);
        };
        return save(current, next);
    }

    /** {@code {"pinned": true|false}}: pinned published articles head the feed. */
    public ObjectNode pin(Caller caller, String id, String ifMatch, Supplier<JsonNode> request) {
        Change change = change(caller, id, ifMatch, request, Set.of("pinned"));
        if (!change.body().has("pinned")) {
            change.problems().error(BodyFields.required("pinned"));
        }
        boolean pinned = change.problems().bool(change.body(), "pinned", "pinned");
        Article current = change.check();
        return save(current, current.withPinned(pinned, now()));
    }

    // ------------------------------------------------------------------ reading the desk

    public ObjectNode show(Caller caller, String id) {
        return ArticleViews.desk(mine(caller, id));
    }

    /**
     * The desk, last changed first: an editor's own (their agency's, or the province's); an admin
     * chooses with {@code agencyId} (absent: the province's). {@code status} filters.
     */
    public ObjectNode list(Caller caller, String agencyId, String status, String cursor, int limit) {
        ArticleRights.requireAuthor(caller);
        String desk = caller.isProvinceAdmin() && agencyId != null && !agencyId.isBlank() ? agencyId.strip()
                : caller.isProvinceAdmin() ? null : ArticleRights.writesFor(caller);
        ArticleStatus wanted = null;
        if (status != null) {
            try {
                wanted = ArticleStatus.valueOf(status.strip());
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid(BodyFields.notOneOf("status", ArticleStatus.values()));
            }
        }
        String binding = "news-desk#" + (desk == null ? "" : desk) + "#" + (wanted == null ? "" : wanted.name());
        String after = cursor == null ? null : PageCursor.decode(cursor, binding, DESK_KEY);
        ArticleStore.Page page = store.desk(desk, wanted, after, limit);
        ObjectNode answer = Json.object();
        ArrayNode items = answer.putArray("items");
        page.items().forEach(a -> items.add(ArticleViews.desk(a)));
        answer.put("nextCursor", page.nextKey() == null ? null : PageCursor.encode(binding, page.nextKey()));
        return answer;
    }

    /** A presigned cover upload {@code {key, uploadUrl, headers, expiresAt}} for {@code {contentType, sizeBytes}}. */
    public ObjectNode coverUpload(Caller caller, Supplier<JsonNode> request) {
        ArticleRights.requireAuthor(caller);
        JsonNode body = request.get();
        BodyFields problems = new BodyFields();
        problems.onlyFields(body, Set.of("contentType", "sizeBytes"));
        String contentType = problems.text(body, "contentType", "contentType", true, 100, false);
        JsonNode size = body.get("sizeBytes");
        if (size == null || size.isNull()) {
            problems.error(BodyFields.required("sizeBytes"));
        } else if (!size.isIntegralNumber() || !size.canConvertToLong()) {
            problems.error("sizeBytes", "INVALID_TYPE", "Phải là số byte (số nguyên).", "Must be a whole number of bytes.");
        }
        problems.done();
        ArticleCovers.PresignedUpload upload = covers.presignUpload(contentType, size.asLong());
        ObjectNode answer = Json.object();
        answer.put("key", upload.key());
        answer.put("uploadUrl", upload.url().toString());
        ObjectNode headers = answer.putObject("headers");
        upload.headers().forEach(headers::put);
        answer.put("expiresAt", upload.expiresAt().toString());
        return answer;
    }

    // ------------------------------------------------------------------ rules

    /** Milliseconds, as stored: the answer shows what a later read shows. */
    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    /** A change under way: the article the caller may change, the body, its problems and the version sent. */
    private record Change(Article current, JsonNode body, BodyFields problems, long expected) {
        /** Throws the body's problems (400), then a stale version (409); the article otherwise. */
        Article check() {
            problems.done();
            checkVersion(current, expected);
            return current;
        }
    }

    /** Rights first (403/404), then the body: only {@code fields} and the version are accepted. */
    private Change change(Caller caller, String id, String ifMatch, Supplier<JsonNode> request, Set<String> fields) {
        Article current = mine(caller, id);
        JsonNode body = request.get();
        BodyFields problems = new BodyFields();
        Set<String> allowed = new LinkedHashSet<>(fields);
        allowed.add("expectedVersion");
        problems.onlyFields(body, allowed);
        return new Change(current, body, problems, expectedVersion(problems, body, ifMatch));
    }

    /** The article, if the caller may change it: 403 for a non-author, 404 when absent or another desk's. */
    private Article mine(Caller caller, String id) {
        ArticleRights.requireAuthor(caller);
        if (id == null || !ID.matcher(id).matches()) {
            throw notFound();
        }
        Article article = store.find(id).orElseThrow(ArticleDesk::notFound);
        if (!ArticleRights.mayChange(caller, article)) {
            throw notFound();
        }
        return article;
    }

    private ObjectNode save(Article current, Article next) {
        if (!store.replace(current, next)) {
            Article now = store.find(current.id()).orElseThrow(ArticleDesk::notFound);
            throw conflict("VERSION_MISMATCH", "Bài viết vừa được thay đổi; hãy tải lại.",
                    "The article changed meanwhile; reload it.", now);
        }
        return ArticleViews.desk(next);
    }

    private static void checkVersion(Article current, long expected) {
        if (current.version() != expected) {
            throw conflict("VERSION_MISMATCH", "Bài viết đã được thay đổi (phiên bản " + current.version() + ").",
                    "The article is at version " + current.version() + ".", current);
        }
    }

    private static ApiException conflict(String code, String vietnamese, String english, Article current) {
        return new ApiException(ErrorCode.CONFLICT, code, List.of(new FieldError("version", code, vietnamese, english)),
                Map.of(), ArticleViews.desk(current));
    }

    static ApiException notFound() {
        return new ApiException(ErrorCode.NOT_FOUND, "article");
    }

    /** {@code expectedVersion} in the body, else {@code If-Match} ("3", W/"3"); one of them is required. */
    static long expectedVersion(BodyFields problems, JsonNode body, String ifMatch) {
        Long fromBody = problems.version(body);
        if (fromBody != null) {
            return fromBody;
        }
        if (ifMatch != null && !ifMatch.isBlank()) {
            String tag = ifMatch.strip();
            tag = tag.startsWith("W/") ? tag.substring(2) : tag;
            tag = tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"") ? tag.substring(1, tag.length() - 1) : tag;
            try {
                return Long.parseLong(tag);
            } catch (NumberFormatException e) {
                problems.error("If-Match", "INVALID_FORMAT", "If-Match phải là phiên bản của bài viết, ví dụ \"3\".",
                        "If-Match must be the article's version, e.g. \"3\".");
                return -1;
            }
        }
        if (!problems.hasErrorFor("expectedVersion")) {
            problems.error(BodyFields.required("expectedVersion"));
        }
        return -1;
    }

    private static String cleanBody(BodyFields problems, JsonNode body) {
        String raw = problems.text(body, "body", "body", false, RAW_BODY_CHARS, true);
        String clean = ArticleHtml.clean(raw);
        if (clean.length() > ArticleHtml.MAX_CHARS) {
            problems.error("body", "TOO_LONG", "Nội dung quá dài.", "The body is too long.");
        }
        return clean;
    }

    private List<String> communes(BodyFields problems, JsonNode body) {
        JsonNode node = body.get("communes");
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray() || node.size() > MAX_COMMUNES) {
            problems.error("communes", "INVALID_TYPE", "Phải là danh sách mã xã/phường (tối đa " + MAX_COMMUNES + ").",
                    "Must be a list of at most " + MAX_COMMUNES + " commune codes.");
            return List.of();
        }
        ProvinceConfig province = config.get();
        Set<String> codes = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode code = node.get(i);
            if (!code.isTextual() || province.area(code.asText()).isEmpty()) {
                problems.error("communes[" + i + "]", "UNKNOWN_AREA", "Không có xã/phường với mã này trong tỉnh.",
                        "No commune or ward of the province has this code.");
            } else {
                codes.add(code.asText());
            }
        }
        return new ArrayList<>(codes);
    }

    private static Instant instant(BodyFields problems, JsonNode body, String name) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(node.asText()).toInstant();
        } catch (DateTimeParseException e) {
            problems.error(name, "INVALID_FORMAT", "Thời điểm theo RFC 3339, ví dụ 2026-12-01T08:00:00+07:00.",
                    "An RFC 3339 instant such as 2026-12-01T08:00:00+07:00.");
            return null;
        }
    }
}
