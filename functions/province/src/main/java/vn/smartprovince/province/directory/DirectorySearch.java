package vn.smartprovince.province.directory;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import vn.smartprovince.province.core.ConfigInForce;
import vn.smartprovince.province.core.ProvinceConfigs;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.EntityTags;
import vn.smartprovince.shared.http.ErrorCode;
import vn.smartprovince.shared.http.PageCursor;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.province.DirectoryEntry;
import vn.smartprovince.shared.province.GeoPoint;
import vn.smartprovince.shared.province.Hotline;
import vn.smartprovince.shared.province.OpeningPeriod;
import vn.smartprovince.shared.province.ProvinceConfig;
import vn.smartprovince.shared.province.WorkingDays;
import vn.smartprovince.shared.text.SearchText;

/**
 * The directory's use cases, all on the snapshot of the configuration in force (no table read
 * beyond the snapshot's own refresh): search with filters and "nearest first", one place, the
 * hotlines. Answers carry an entity tag that is the hash of the body (the body depends on the
 * configuration version and on the hour, through {@code openNow}), so a client revalidates with
 * {@code If-None-Match} and hears 304 while nothing it would see changed.
 */
final class DirectorySearch {
    static final Pattern OFFSET = Pattern.compile("[1-9][0-9]{0,5}");
    private static final double EARTH_RADIUS_METERS = 6_371_008.8;

    /** An answer to send, or "not modified". */
    record Answer(String etag, Object body, boolean notModified) {
    }

    /** One place as the API shows it; null fields are left out of the JSON. */
    record Item(String id, String kind, String name, String agencyId, String agencyName, String areaCode,
                String areaName, String address, GeoPoint position, Map<String, List<OpeningPeriod>> openingHours,
                Boolean openNow, List<String> phones, List<String> hotlines, List<Ref> categories, List<Ref> procedures,
                Long distanceMeters) {
    }

    record Ref(String code, String name) {
    }

    record Page(List<Item> items, String nextCursor, int configVersion) {
    }

    record Hotlines(List<Hotline> items, int configVersion) {
    }

    private final ProvinceConfigs configs;
    private final Clock clock;
    private volatile DirectoryPlaces cached;

    DirectorySearch(ProvinceConfigs configs, Clock clock) {
        this.configs = configs;
        this.clock = clock;
    }

    /** {@code GET /v1/directory}: 400 naming the parameter for bad input. */
    Answer search(Function<String, String> parameters, String ifNoneMatch) {
        DirectoryPlaces places = places();
        ProvinceConfig config = places.snapshot().config();
        DirectoryQuery query = DirectoryQuery.read(parameters, config);
        int offset = query.cursor() == null ? 0 : Integer.parseInt(PageCursor.decode(query.cursor(), query.binding(), OFFSET));
        List<DirectoryPlaces.Place> found = new ArrayList<>();
        for (DirectoryPlaces.Place place : places.places()) {
            DirectoryEntry entry = place.entry();
            if ((query.kind() == null || entry.kind() == query.kind())
                    && (query.areaCode() == null || query.areaCode().equals(entry.areaCode()))
                    && (query.category() == null || entry.categories().contains(query.category()))
                    && (query.procedureCode() == null || entry.procedures().contains(query.procedureCode()))
                    && SearchText.matches(place.folded(), query.q())) {
                found.add(place);
            }
        }
        GeoPoint near = query.near();
        if (near != null) {
            // The nearest first; places without a position after every one with (stable: by name).
            found.sort(Comparator.comparingDouble(place -> place.entry().position() == null
                    ? Double.MAX_VALUE : distanceMeters(near, place.entry().position())));
        }
        ZonedDateTime now = clock.instant().atZone(WorkingDays.ZONE);
        WorkingDays calendar = WorkingDays.of(config);
        List<Item> items = new ArrayList<>();
        for (int i = offset; i < found.size() && items.size() < query.limit(); i++) {
            items.add(item(config, found.get(i).entry(), near, now, calendar));
        }
        int next = offset + items.size();
        String nextCursor = next < found.size() ? PageCursor.encode(query.binding(), Integer.toString(next)) : null;
        return answer(new Page(items, nextCursor, places.snapshot().version()), ifNoneMatch);
    }

    /** {@code GET /v1/directory/{id}}: 404 for an id the directory does not have. */
    Answer place(String id, String ifNoneMatch) {
        DirectoryPlaces places = places();
        DirectoryEntry entry = id == null ? null : places.entry(id).orElse(null);
        if (entry == null) {
            throw new ApiException(ErrorCode.NOT_FOUND, "no such directory entry");
        }
        ZonedDateTime now = clock.instant().atZone(WorkingDays.ZONE);
        ProvinceConfig config = places.snapshot().config();
        return answer(item(config, entry, null, now, WorkingDays.of(config)), ifNoneMatch);
    }

    /** {@code GET /v1/hotlines}. */
    Answer hotlines(String ifNoneMatch) {
        DirectoryPlaces places = places();
        return answer(new Hotlines(places.snapshot().config().directory().hotlines(), places.snapshot().version()),
                ifNoneMatch);
    }

    /** The places of the version in force, folded once per version. 503 when no configuration is published. */
    private DirectoryPlaces places() {
        ConfigInForce inForce = configs.inForce()
                .orElseThrow(() -> ApiException.unavailable("province configuration not published"));
        DirectoryPlaces current = cached;
        if (current == null || !current.snapshot().sha256().equals(inForce.snapshot().sha256())
                || current.snapshot().version() != inForce.snapshot().version()) {
            current = DirectoryPlaces.of(inForce.snapshot());
            cached = current;
        }
        return current;
    }

    private static Answer answer(Object body, String ifNoneMatch) {
        String etag = etag(Json.write(body));
        return EntityTags.noneMatchHits(ifNoneMatch, etag) ? new Answer(etag, null, true) : new Answer(etag, body, false);
    }

    static String etag(String json) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(hash, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Item item(ProvinceConfig config, DirectoryEntry entry, GeoPoint near, ZonedDateTime now, WorkingDays calendar) {
        Map<String, List<OpeningPeriod>> hours = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            List<OpeningPeriod> periods = entry.openingHours().get(day);
            if (periods != null && !periods.isEmpty()) {
                hours.put(day.name(), periods);
            }
        }
        return new Item(entry.id(), entry.kind().name(), entry.name(), entry.agencyId(),
                entry.agencyId() == null ? null : config.agency(entry.agencyId()).map(a -> a.name()).orElse(null),
                entry.areaCode(), entry.areaCode() == null ? null : config.area(entry.areaCode()).map(a -> a.name()).orElse(null),
                entry.address(), entry.position(), hours, openNow(entry, now, calendar), entry.phones(), entry.hotlines(),
                entry.categories().stream().map(code -> new Ref(code, config.category(code).map(c -> c.name()).orElse(code))).toList(),
                entry.procedures().stream().map(code -> new Ref(code, config.procedure(code).map(p -> p.name()).orElse(code))).toList(),
                near == null || entry.position() == null ? null : Math.round(distanceMeters(near, entry.position())));
    }

    /**
     * Whether the place is open at {@code now} (Vietnam time) by its opening hours, closed on the
     * calendar's holidays; null when its hours are not stated.
     */
    static Boolean openNow(DirectoryEntry entry, ZonedDateTime now, WorkingDays calendar) {
        if (entry.openingHours().isEmpty()) {
            return null;
        }
        if (calendar.isHoliday(now.toLocalDate())) {
            return false;
        }
        LocalTime time = now.toLocalTime();
        for (OpeningPeriod period : entry.openingHours().getOrDefault(now.getDayOfWeek(), List.of())) {
            if (!time.isBefore(period.from()) && time.isBefore(period.to())) {
                return true;
            }
        }
        return false;
    }

    /** Great-circle distance (haversine) in meters. */
    static double distanceMeters(GeoPoint a, GeoPoint b) {
        double dLat = Math.toRadians(b.lat() - a.lat());
        double dLng = Math.toRadians(b.lng() - a.lng());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(a.lat()))
                * Math.cos(Math.toRadians(b.lat())) * Math.sin(dLng / 2) * Math.sin(dLng / 2);
        return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
