package vn.smartprovince.dossiers.catalogue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import vn.smartprovince.dossiers.catalogue.ProcedureViews.Detail;
import vn.smartprovince.dossiers.catalogue.ProcedureViews.Summary;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.EntityTags;
import vn.smartprovince.shared.http.ErrorCode;
import vn.smartprovince.shared.http.FieldError;
import vn.smartprovince.shared.http.PageCursor;
import vn.smartprovince.shared.province.Procedure;
import vn.smartprovince.shared.province.ProvinceConfig;
import vn.smartprovince.shared.province.ProvinceSnapshot;
import vn.smartprovince.shared.province.TextRules;

/**
 * The procedure catalogue of the configuration in force: search and one procedure, each answer
 * with an entity tag made of the configuration's version and hash and this view's revision, so a
 * client holding the current answer gets "not modified" without the body. One snapshot per call.
 */
public final class ProcedureCatalogue {
    /** Raise when the views' fields change, so that clients holding the old shape fetch the new one. */
    static final int VIEW_REVISION = 1;
    static final int MAX_QUERY_LENGTH = 100;
    static final int MAX_FILTER_LENGTH = 150;
    /**
     * A cursor holds the last procedure's sort key (folded name|code), not a position, so a page
     * after a configuration change continues where the reader was.
     */
    private static final Pattern ANY_KEY = Pattern.compile(".{1,320}\\|[0-9A-Z.]{1,40}");

    private final Supplier<ProvinceSnapshot> snapshots;

    /** @param snapshots the configuration in force (503 when none is published), e.g. {@code ProvinceConfigSource::snapshot} */
    public ProcedureCatalogue(Supplier<ProvinceSnapshot> snapshots) {
        this.snapshots = snapshots;
    }

    /** An answer, or "not modified" ({@code body} null) when {@code If-None-Match} named {@code etag}. */
    public record Answer(String etag, Object body) {
        public boolean notModified() {
            return body == null;
        }
    }

    /**
     * A page of the search. {@code fields}: every field among the procedures the search finds
     * without its {@code field} filter, with how many, so the mini app can offer them as filters.
     */
    public record Page(String provinceCode, int configVersion, List<Summary> items, String nextCursor,
                       List<FieldCount> fields) {
    }

    public record FieldCount(String name, int count) {
    }

    /**
     * The raw query parameters (null when absent); each bad one is a 400 naming it.
     *
     * @param limit already checked ({@code HttpRequest.pageLimit()})
     */
    public record Query(String q, String field, String agencyId, String cursor, int limit) {
    }

    public Answer list(Query query, String ifNoneMatch) {
        String q = text("q", query.q(), MAX_QUERY_LENGTH);
        String field = text("field", query.field(), MAX_FILTER_LENGTH);
        String agencyId = text("agencyId", query.agencyId(), MAX_FILTER_LENGTH);
        ProcedureSearch search = new ProcedureSearch(q, field, agencyId);
        String binding = (q == null ? "" : TextRules.fold(q)) + "\n" + (field == null ? "" : TextRules.fold(field))
                + "\n" + (agencyId == null ? "" : agencyId);
        String after = query.cursor() == null ? null : PageCursor.decode(query.cursor(), binding, ANY_KEY);

        ProvinceSnapshot snapshot = snapshots.get();
        ProvinceConfig config = snapshot.config();
        if (agencyId != null && config.agency(agencyId).isEmpty()) {
            throw ApiException.invalid(new FieldError("agencyId", "UNKNOWN_AGENCY",
                    "Không có cơ quan mã '" + agencyId + "'.", "No agency with id '" + agencyId + "'."));
        }
        String etag = etag(snapshot);
        if (EntityTags.noneMatchHits(ifNoneMatch, etag)) {
            return new Answer(etag, null);
        }
        List<Procedure> found = search.apply(config.procedures());
        List<Procedure> rest = after == null ? found
                : found.stream().filter(p -> ProcedureSearch.sortKey(p).compareTo(after) > 0).toList();
        List<Procedure> page = rest.subList(0, Math.min(query.limit(), rest.size()));
        String next = rest.size() > page.size()
                ? PageCursor.encode(binding, ProcedureSearch.sortKey(page.get(page.size() - 1))) : null;
        return new Answer(etag, new Page(snapshot.provinceCode(), snapshot.version(),
                page.stream().map(p -> ProcedureViews.summary(config, p)).toList(), next, fieldCounts(search, config)));
    }

    public Answer get(String code, String ifNoneMatch) {
        ProvinceSnapshot snapshot = snapshots.get();
        Procedure procedure = code == null ? null : snapshot.config().procedure(code).orElse(null);
        if (procedure == null) {
            throw new ApiException(ErrorCode.NOT_FOUND, "no procedure " + code);
        }
        String etag = etag(snapshot);
        if (EntityTags.noneMatchHits(ifNoneMatch, etag)) {
            return new Answer(etag, null);
        }
        Detail detail = ProcedureViews.detail(snapshot.provinceCode(), snapshot.version(), snapshot.config(), procedure);
        return new Answer(etag, detail);
    }

    private static List<FieldCount> fieldCounts(ProcedureSearch search, ProvinceConfig config) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        config.procedures().stream().filter(search::matchesAllButField).sorted(ProcedureSearch.ORDER).forEach(p -> {
            String key = TextRules.fold(p.field());
            names.putIfAbsent(key, p.field());
            counts.merge(key, 1, Integer::sum);
        });
        List<FieldCount> fields = new ArrayList<>();
        counts.keySet().stream().sorted().forEach(key -> fields.add(new FieldCount(names.get(key), counts.get(key))));
        return fields;
    }

    /** A query parameter as text: trimmed, NFC, no control characters, at most {@code maxLength}; blank is absent. */
    private static String text(String name, String raw, int maxLength) {
        if (raw == null) {
            return null;
        }
        String text = TextRules.normalise(raw);
        if (text.isEmpty()) {
            return null;
        }
        if (TextRules.firstControlCharacter(text, false) >= 0) {
            throw ApiException.invalid(new FieldError(name, "CONTROL_CHARACTER",
                    name + " chứa ký tự điều khiển.", name + " contains a control character."));
        }
        if (TextRules.length(text) > maxLength) {
            throw ApiException.invalid(new FieldError(name, "TOO_LONG",
                    name + " tối đa " + maxLength + " ký tự.", name + " must be at most " + maxLength + " characters."));
        }
        return text;
    }

    /** e.g. {@code "v3-5f2c0a9be1d47a60-r1"}: configuration version, the start of its SHA-256, view revision. */
    static String etag(ProvinceSnapshot snapshot) {
        String sha = snapshot.sha256();
        return "\"v" + snapshot.version() + "-" + sha.substring(0, Math.min(16, sha.length())) + "-r" + VIEW_REVISION + "\"";
    }
}
