package vn.smartprovince.dossiers.officer;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import vn.smartprovince.dossiers.core.Deadlines;
import vn.smartprovince.dossiers.core.Dossier;
import vn.smartprovince.dossiers.core.DossierStatus;
import vn.smartprovince.dossiers.core.DossierStore;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.BodyFields;
import vn.smartprovince.shared.http.ErrorCode;
import vn.smartprovince.shared.http.FieldError;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.province.ProvinceConfig;
import vn.smartprovince.shared.province.WorkingDays;

/**
 * An agency's queue of open dossiers, oldest deadline first (not yet received: oldest submission
 * first), for its officers and province admins (others 403; an unknown agency 404).
 *
 * <p>One status per request ({@code status}, default {@code REGISTERED}: the intake desk's work),
 * read from the store's queue index ({@link DossierStore#queue}), so that the order and the
 * cursor are exact. {@code due} (only for the statuses with a due date: RECEIVED, PROCESSING,
 * SUPPLEMENT_REQUESTED, FEES_REQUESTED, FINISHED) is a key condition: {@code overdue} = due
 * before today (Vietnam), {@code soon} = due on or before the next working day (overdue ones
 * included; each item says {@code overdue}). {@code procedureCode} is filtered after reading: the
 * store is read page after page (at most {@link #PAGES} pages, never past {@code limit} items) so
 * a page is never wrong, but may be short with a {@code nextCursor}. The cursor is bound to the
 * caller, the agency and the filters (anything else: 400 {@code INVALID_CURSOR}).
 */
public final class AgencyQueue {
    static final int PAGES = 5;
    static final Set<DossierStatus> WITH_DUE_DATE = EnumSet.of(DossierStatus.RECEIVED, DossierStatus.PROCESSING,
            DossierStatus.SUPPLEMENT_REQUESTED, DossierStatus.FEES_REQUESTED, DossierStatus.FINISHED);

    private final DossierStore store;
    private final Supplier<ProvinceConfig> configs;
    private final Clock clock;

    public AgencyQueue(DossierStore store, Supplier<ProvinceConfig> configs, Clock clock) {
        this.store = store;
        this.configs = configs;
        this.clock = clock;
    }

    public enum Due { SOON, OVERDUE }

    /** What to list. */
    public record Filter(DossierStatus status, String procedureCode, Due due) {
        String canonical() {
            return status + "|" + (procedureCode == null ? "" : procedureCode) + "|" + (due == null ? "" : due);
        }
    }

    public record Page(List<OfficerViews.QueueItem> items, String nextCursor) {
    }

    /** Checks the caller's right to the agency's queue, then the query (400 naming each parameter). */
    public Page list(Caller caller, String agencyId, Map<String, String> query, int limit) {
        ProvinceConfig config = configs.get();
        caller.requireProvinceAdminOrOfficerOf(agencyId);
        if (config.agency(agencyId).isEmpty()) {
            throw new ApiException(ErrorCode.NOT_FOUND, null);
        }
        Filter filter = filter(query, config);
        String list = "dossier-queue|" + agencyId + "|" + filter.canonical();
        String cursor = query.get("cursor") == null ? null : decode(query.get("cursor"), list, caller.userId());
        LocalDate today = Deadlines.today(clock.instant());
        LocalDate dueBefore = null;
        if (filter.due() == Due.OVERDUE) {
            dueBefore = today;
        } else if (filter.due() == Due.SOON) {
            dueBefore = WorkingDays.of(config).addWorkingDays(today, 1).plusDays(1);
        }
        List<OfficerViews.QueueItem> items = new ArrayList<>();
        String next = cursor;
        try {
            for (int page = 0; page < PAGES && items.size() < limit; page++) {
                DossierStore.Page read = store.queue(agencyId, filter.status(), dueBefore, next, limit - items.size());
                for (Dossier dossier : read.dossiers()) {
                    if (filter.procedureCode() == null || filter.procedureCode().equals(dossier.procedureCode())) {
                        items.add(OfficerViews.QueueItem.of(dossier, config, today));
                    }
                }
                next = read.nextCursor();
                if (next == null) {
                    break;
                }
            }
        } catch (IllegalArgumentException e) {
            throw invalidCursor();
        }
        return new Page(items, next == null ? null : encode(list, caller.userId(), next));
    }

    private static Filter filter(Map<String, String> query, ProvinceConfig config) {
        BodyFields fields = new BodyFields();
        DossierStatus status = DossierStatus.REGISTERED;
        String statusText = blankToNull(query.get("status"));
        if (statusText != null) {
            status = null;
            for (DossierStatus candidate : DossierStatus.values()) {
                if (candidate.name().equals(statusText) || Integer.toString(candidate.code()).equals(statusText)) {
                    status = candidate;
                }
            }
            if (status == null || !status.open()) {
                fields.error("status", "INVALID_VALUE", "Trạng thái phải là một trạng thái đang mở của hồ sơ.",
                        "status must be one open dossier status (REGISTERED, RECEIVED, PROCESSING, "
                                + "SUPPLEMENT_REQUESTED, FEES_REQUESTED, FINISHED).");
            }
        }
        String procedureCode = blankToNull(query.get("procedureCode"));
        if (procedureCode != null && config.procedure(procedureCode).isEmpty()) {
            fields.error("procedureCode", "UNKNOWN_PROCEDURE", "Thủ tục không tồn tại.", "No such procedure.");
        }
        Due due = null;
        String dueText = blankToNull(query.get("due"));
        if (dueText != null) {
            if (dueText.equals("soon")) {
                due = Due.SOON;
            } else if (dueText.equals("overdue")) {
                due = Due.OVERDUE;
            } else {
                fields.error("due", "INVALID_VALUE", "due phải là soon hoặc overdue.", "due must be soon or overdue.");
            }
            if (due != null && status != null && !WITH_DUE_DATE.contains(status)) {
                fields.error("due", "NOT_APPLICABLE", "Hồ sơ ở trạng thái này chưa có ngày hẹn.",
                        "Dossiers in this status have no due date yet.");
            }
        }
        fields.done();
        return new Filter(status, procedureCode, due);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    static String encode(String list, String owner, String storeCursor) {
        String json = Json.write(Json.object().put("l", list).put("o", owner).put("c", storeCursor));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The store's cursor inside ours, if ours was made for this list and caller. */
    static String decode(String cursor, String list, String owner) {
        try {
            if (cursor.length() > 4096) {
                throw new IllegalArgumentException();
            }
            JsonNode node = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(cursor));
            String inner = node.path("c").asText("");
            if (node.size() != 3 || inner.isEmpty() || !list.equals(node.path("l").asText(null))
                    || !owner.equals(node.path("o").asText(null)) || !encode(list, owner, inner).equals(cursor)) {
                throw new IllegalArgumentException();
            }
            return inner;
        } catch (Exception e) {
            throw invalidCursor();
        }
    }

    private static ApiException invalidCursor() {
        return new ApiException(ErrorCode.INVALID_CURSOR, null, List.of(new FieldError("cursor", "INVALID_CURSOR",
                "Con trỏ phân trang không hợp lệ.", "The pagination cursor is not valid.")), Map.of(), null);
    }
}
