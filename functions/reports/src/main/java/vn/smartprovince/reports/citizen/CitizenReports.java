package vn.smartprovince.reports.citizen;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import vn.smartprovince.reports.Wiring;
import vn.smartprovince.reports.core.Action;
import vn.smartprovince.reports.core.Actor;
import vn.smartprovince.reports.core.CounterDelta;
import vn.smartprovince.reports.core.Geohash;
import vn.smartprovince.reports.core.Ids;
import vn.smartprovince.reports.core.Notices;
import vn.smartprovince.reports.core.OfficerDirectory;
import vn.smartprovince.reports.core.PhotoLinks;
import vn.smartprovince.reports.core.ProvinceSource;
import vn.smartprovince.reports.core.Report;
import vn.smartprovince.reports.core.ReportNotice;
import vn.smartprovince.reports.core.ReportStore;
import vn.smartprovince.reports.core.TrackingCodes;
import vn.smartprovince.reports.core.Transitions;
import vn.smartprovince.reports.core.Views;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.http.BodyFields;
import vn.smartprovince.shared.province.Category;
import vn.smartprovince.shared.province.ProvinceConfig;

/**
 * What a citizen does with reports after submitting: read one (with its timeline), list theirs,
 * look for duplicates nearby, support ("me too"), withdraw, supply requested information, rate
 * the answer, reopen it. Every state change goes through {@link Transitions}.
 */
public final class CitizenReports {
    public static final int MAX_REASON = 2_000;
    public static final int MAX_COMMENT = 1_000;
    public static final int NEARBY_LIMIT = 20;
    private final ReportStore store;
    private final ProvinceSource province;
    private final Transitions transitions;
    private final OfficerDirectory officers;
    private final Duration reopenWindow;
    private final Clock clock;
    private final PhotoLinks photoLinks;

    public CitizenReports(ReportStore store, ProvinceSource province, OfficerDirectory officers, Duration reopenWindow,
                          Clock clock) {
        this(store, province, officers, reopenWindow, clock, PhotoLinks.NONE);
    }

    /** @param photoLinks signs links to the photos of the report read with {@link #get} */
    public CitizenReports(ReportStore store, ProvinceSource province, OfficerDirectory officers, Duration reopenWindow,
                          Clock clock, PhotoLinks photoLinks) {
        this.photoLinks = photoLinks;
        this.store = store;
        this.province = province;
        this.officers = officers;
        this.reopenWindow = reopenWindow;
        this.clock = clock;
        this.transitions = new Transitions(store, province, clock);
    }

    /** As the citizen routes build it: the module's store, province and officers ({@link Wiring}). */
    static CitizenReports of(Wiring wiring) {
        return new CitizenReports(wiring.reports(), wiring.province(), wiring.officers(), wiring.reopenWindow(),
                wiring.clock());
    }

    /** For reading a report: also signs links to its photos (no S3 client: signing needs none). */
    static CitizenReports withPhotoLinks(Wiring wiring) {
        return new CitizenReports(wiring.reports(), wiring.province(), wiring.officers(), wiring.reopenWindow(),
                wiring.clock(), wiring.photoLinks());
    }

    public Transitions transitions() {
        return transitions;
    }

    /**
     * The report (by id or tracking code), links to its photos and its whole timeline, for whoever
     * may see everything; 404 for anyone else.
     */
    public Views.ReportDetail get(Caller caller, String id) {
        // The tracking code works too ("K7M4-QX9P", "k7m4 qx9p"): it is what a citizen reads out on
        // the phone to the hotline; the same rights apply, so a code is no key to a stranger's report.
        if (!Ids.valid(id)) {
            id = TrackingCodes.normalise(id).flatMap(store::idForTrackingCode).orElse(id);
        }
        Report report = transitions.load(id, caller);
        return Views.ReportDetail.of(report, store.history(report.id()), photoLinks);
    }

    /** The duplicate radius of a category (0 = no search; capped at {@link Geohash#MAX_RADIUS_METERS}). */
    public int radiusOf(String categoryCode) {
        return province.config().category(categoryCode)
                .map(c -> Math.min(c.duplicateRadiusMeters(), Geohash.MAX_RADIUS_METERS)).orElse(0);
    }

    public ReportStore.Page mine(Caller caller, String after, int limit) {
        return store.mine(caller.userId(), after, limit);
    }

    /** Open reports of the category within its duplicate radius of the point, nearest first. */
    public List<Views.Nearby> nearby(String categoryCode, Double lat, Double lng) {
        BodyFields fields = new BodyFields();
        ProvinceConfig config = province.config();
        Category category = null;
        if (categoryCode == null || categoryCode.isBlank()) {
            fields.error("category", "REQUIRED", "Thiếu loại phản ánh.", "category is missing.");
        } else {
            category = config.category(categoryCode).orElse(null);
            if (category == null) {
                fields.error("category", "UNKNOWN_CATEGORY", "Loại phản ánh không tồn tại.", "No such report category.");
            }
        }
        if (lat != null && lng != null && !config.province().contains(lat, lng)) {
            fields.error("lat", "OUTSIDE_PROVINCE", "Vị trí nằm ngoài địa bàn tỉnh.", "The location is outside the province.");
        }
        fields.done();
        int radius = Math.min(category.duplicateRadiusMeters(), Geohash.MAX_RADIUS_METERS);
        if (radius <= 0) {
            return List.of();
        }
        List<Views.Nearby> found = new ArrayList<>();
        for (Report report : store.openInCells(category.code(), Geohash.cellAndNeighbours(lat, lng), 50)) {
            double distance = Geohash.distanceMeters(lat, lng, report.location().lat(), report.location().lng());
            if (distance <= radius && report.status().open()) {
                found.add(Views.Nearby.of(report, distance));
            }
        }
        found.sort(Comparator.comparingDouble(Views.Nearby::distanceMeters));
        return found.size() > NEARBY_LIMIT ? found.subList(0, NEARBY_LIMIT) : found;
    }

    /** Me-too on an open report (not one's own): counted once per citizen; repeating changes nothing. */
    public Views.Support support(Caller caller, String id) {
        Report report = Ids.valid(id) ? store.find(id).orElse(null) : null;
        if (report == null || !report.status().open()) {
            throw Transitions.notFound();
        }
        if (caller.userId().equals(report.citizenId())) {
            return new Views.Support(report.id(), report.supportCount(), false);
        }
        boolean added = store.addSupporter(report.id(), caller.userId(), clock.instant(),
                CounterDelta.forReport(report, report.agencyId(), clock.instant(), "supports", 1));
        int count = store.find(id).map(Report::supportCount).orElse(report.supportCount());
        return new Views.Support(report.id(), count, added);
    }

    public Report withdraw(Caller caller, String id, JsonNode body) {
        return withdraw(caller, id, () -> body);
    }

    /** {@code body} is read only once the caller is found to be the report's owner. */
    public Report withdraw(Caller caller, String id, Supplier<JsonNode> body) {
        return transitions.apply(caller, id, Action.WITHDRAW, report -> {
            JsonNode json = body.get();
            BodyFields fields = new BodyFields();
            fields.onlyFields(json, "", Set.of("reason", "expectedVersion"));
            String reason = fields.text(json, "reason", "reason", false, MAX_REASON, true);
            Long expected = fields.version(json);
            fields.done();
            return new Transitions.Change(expected, (before, after, effects) -> effects
                    .reason(reason)
                    .count(CounterDelta.forReport(before, before.agencyId(), effects.at(), "withdrawn", 1)));
        });
    }

    public Report provideInfo(Caller caller, String id, JsonNode body) {
        return provideInfo(caller, id, () -> body);
    }

    /** The citizen answers the agency's question: back to IN_PROGRESS, the agency's officers hear of it. */
    public Report provideInfo(Caller caller, String id, Supplier<JsonNode> body) {
        return transitions.apply(caller, id, Action.PROVIDE_INFO, (report, config) -> {
            JsonNode json = body.get();
            BodyFields fields = new BodyFields();
            fields.onlyFields(json, "", Set.of("text", "expectedVersion"));
            String text = fields.text(json, "text", "text", true, Report.MAX_DESCRIPTION, true);
            Long expected = fields.version(json);
            fields.done();
            return new Transitions.Change(expected, (before, after, effects) -> {
                after.infoReply(text);
                Report next = after.build();
                List<String> to = before.assigneeId() != null ? List.of(before.assigneeId())
                        : officers.officersOf(before.agencyId(), OfficerDirectory.MAX_NOTIFIED);
                effects.reason("information provided")
                        .notify(Notices.toUsers(config, next, ReportNotice.Kind.INFO_PROVIDED, to, effects.at()));
            });
        });
    }

    public Report rate(Caller caller, String id, JsonNode body) {
        return rate(caller, id, () -> body);
    }

    public Report rate(Caller caller, String id, Supplier<JsonNode> body) {
        return transitions.apply(caller, id, Action.RATE, report -> {
            JsonNode json = body.get();
            BodyFields fields = new BodyFields();
            fields.onlyFields(json, "", Set.of("stars", "comment", "expectedVersion"));
            Integer stars = fields.integer(json, "stars", "stars", 1, 5, true);
            String comment = fields.text(json, "comment", "comment", false, MAX_COMMENT, true);
            Long expected = fields.version(json);
            fields.done();
            return new Transitions.Change(expected, (before, after, effects) -> {
                if (before.rating() != null) {
                    throw Transitions.refuse(before, "stars", "ALREADY_RATED", "Bạn đã đánh giá phản ánh này.",
                            "You already rated this report.");
                }
                after.rating(new Report.Rating(stars, comment, effects.at()));
                effects.reason("rated " + stars)
                        .count(CounterDelta.forReport(before, before.agencyId(), effects.at(), "ratings", 1))
                        .count(CounterDelta.forReport(before, before.agencyId(), effects.at(), "ratingStars", stars));
            });
        });
    }

    public Report reopen(Caller caller, String id, JsonNode body) {
        return reopen(caller, id, () -> body);
    }

    /** Not fixed: within the window after the answer, back to the agency with a new deadline. */
    public Report reopen(Caller caller, String id, Supplier<JsonNode> body) {
        return transitions.apply(caller, id, Action.REOPEN, (report, config) -> {
            JsonNode json = body.get();
            BodyFields fields = new BodyFields();
            fields.onlyFields(json, "", Set.of("reason", "expectedVersion"));
            String reason = fields.text(json, "reason", "reason", true, MAX_REASON, true);
            Long expected = fields.version(json);
            fields.done();
            return new Transitions.Change(expected, (before, after, effects) -> {
                if (before.answeredAt() == null || effects.at().isAfter(before.answeredAt().plus(reopenWindow))) {
                    throw Transitions.refuse(before, "status", "REOPEN_WINDOW_CLOSED",
                            "Đã quá thời hạn " + reopenWindow.toDays() + " ngày để mở lại phản ánh.",
                            "The " + reopenWindow.toDays() + "-day window to reopen has closed.");
                }
                int days = config.category(before.categoryCode()).map(Category::answerDeadlineWorkingDays).orElse(5);
                after.reopenCount(before.reopenCount() + 1).rating(null)
                        .deadline(vn.smartprovince.shared.province.WorkingDays.of(config).deadline(effects.at(), days));
                Report next = after.build();
                effects.reason(reason)
                        .notify(Notices.statusChanged(config, next, ReportNotice.Kind.REOPENED, effects.at()))
                        .count(CounterDelta.forReport(before, before.agencyId(), effects.at(), "reopened", 1));
            });
        });
    }

    /** Used by tests: which capacities a caller holds on a report. */
    public Set<Actor> actorsOf(Caller caller, Report report) {
        return transitions.actorsOf(caller, report);
    }
}
