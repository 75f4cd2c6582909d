package vn.smartprovince.province.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import vn.smartprovince.province.core.Alert;
import vn.smartprovince.province.core.AlertFanOutTask;
import vn.smartprovince.province.core.AlertKind;
import vn.smartprovince.province.core.AlertQueues;
import vn.smartprovince.province.core.AlertSeverity;
import vn.smartprovince.province.core.AlertStatus;
import vn.smartprovince.province.core.AlertStore;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.auth.Role;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.BodyFields;
import vn.smartprovince.shared.http.ErrorCode;
import vn.smartprovince.shared.http.FieldError;
import vn.smartprovince.shared.idempotency.Idempotency;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.log.JsonLog;
import vn.smartprovince.shared.province.ProvinceConfig;

/**
 * Sending, reading, following and cancelling urgent alerts. Senders are PROVINCE_ADMIN or
 * ALERT_SENDER (403 otherwise, before the body is read). An alert is created SENDING with one
 * fan-out state per partition, then page 0 of each partition goes on AlertFanOutQueue.
 */
final class Alerts {
    static final int MAX_TITLE = 100;
    static final int MAX_MESSAGE = 400;
    static final int MAX_AREAS = 50;
    static final Duration MAX_VALIDITY = Duration.ofDays(14);
    static final Duration MAX_START_DELAY = Duration.ofDays(7);
    static final int LIST_MAX = 100;
    static final Pattern ID = Pattern.compile("al[a-z2-7]{24}");
    static final Pattern AREA = Pattern.compile("[A-Za-z0-9_.-]{1,40}");
    static final Set<String> FIELDS = Set.of("kind", "severity", "title", "message", "areaCodes", "validFrom",
            "validUntil");

    /** The created (or replayed) alert. */
    record Sent(Alert alert, boolean replayed) {
    }

    private final AlertStore store;
    private final AlertQueues queues;
    private final Clock clock;

    Alerts(AlertStore store, AlertQueues queues, Clock clock) {
        this.store = store;
        this.queues = queues;
        this.clock = clock;
    }

    static Caller requireSender(Caller caller) {
        if (!caller.isProvinceAdmin() && !caller.has(Role.ALERT_SENDER)) {
            throw new ApiException(ErrorCode.FORBIDDEN, "ALERT_SENDER_REQUIRED", List.of(new FieldError("role",
                    "ALERT_SENDER_REQUIRED", "Chỉ quản trị viên tỉnh hoặc người được giao gửi cảnh báo được thực hiện.",
                    "Only a province administrator or an alert sender may do this.")), Map.of(), null);
        }
        return caller;
    }

    Sent send(Caller caller, ProvinceConfig config, JsonNode body, String idempotencyKey) {
        requireSender(caller);
        Instant now = clock.instant();
        BodyFields fields = new BodyFields();
        fields.onlyFields(body, FIELDS);
        AlertKind kind = fields.oneOf(body, "kind", "kind", AlertKind.values(), true);
        AlertSeverity severity = fields.oneOf(body, "severity", "severity", AlertSeverity.values(), true);
        String title = fields.text(body, "title", "title", true, MAX_TITLE, false);
        String message = fields.text(body, "message", "message", true, MAX_MESSAGE, true);
        checkTemplateRules(fields, "title", title);
        checkTemplateRules(fields, "message", message);
        List<String> areas = AlertAreaCodes.read(body, config, fields, MAX_AREAS);
        Instant validFrom = instant(body, "validFrom", false, fields);
        Instant validUntil = instant(body, "validUntil", true, fields);
        Instant from = validFrom == null ? now.truncatedTo(ChronoUnit.SECONDS) : validFrom;
        if (validFrom != null && validFrom.isAfter(now.plus(MAX_START_DELAY))) {
            fields.error("validFrom", "OUT_OF_RANGE", "Thời điểm bắt đầu tối đa 7 ngày tới.",
                    "validFrom is at most 7 days ahead.");
        }
        if (validUntil != null && !fields.hasErrorFor("validFrom")) {
            if (!validUntil.isAfter(from) || !validUntil.isAfter(now)) {
                fields.error("validUntil", "OUT_OF_RANGE", "Thời điểm kết thúc phải sau thời điểm bắt đầu và sau hiện tại.",
                        "validUntil must be after validFrom and after now.");
            } else if (Duration.between(from, validUntil).compareTo(MAX_VALIDITY) > 0) {
                fields.error("validUntil", "OUT_OF_RANGE", "Cảnh báo có hiệu lực tối đa 14 ngày.",
                        "An alert is valid for at most 14 days.");
            }
        }
        fields.done();
        ObjectNode canonical = Json.object().put("kind", kind.name()).put("severity", severity.name())
                .put("title", title).put("message", message).put("validFrom", from.toString())
                .put("validUntil", validUntil.toString());
        ArrayNode codes = canonical.putArray("areaCodes");
        areas.forEach(codes::add);
        if (validFrom == null) {
            canonical.remove("validFrom");   // "from now": a retry later is the same request
        }
        String hash = Idempotency.requestHash(Json.write(canonical));
        String id = Idempotency.newId("al", "alert", caller.userId(), idempotencyKey);
        Alert alert = new Alert(id, kind, severity, title, message, areas, from, validUntil, AlertStatus.SENDING,
                caller.userId(), now, hash);
        if (!store.create(alert)) {
            Alert existing = store.find(id).orElseThrow(() -> ApiException.unavailable("dynamodb"));
            Idempotency.checkSameRequest(existing.requestHash(), hash);
            // The first attempt may have died before queuing its first pages: queue those still at page 0.
            if (existing.status() == AlertStatus.SENDING) {
                for (String area : existing.partitions()) {
                    store.fanOutState(id, area).filter(s -> s.page() == 0 && !s.done())
                            .ifPresent(s -> queues.fanOut(new AlertFanOutTask(id, area, 0, null)));
                }
            }
            return new Sent(existing, true);
        }
        for (String area : alert.partitions()) {
            queues.fanOut(new AlertFanOutTask(id, area, 0, null));
        }
        JsonLog.info("alert sending", Map.of("alertId", id, "kind", kind.name(), "severity", severity.name(),
                "partitions", alert.partitions().size()));
        return new Sent(alert, false);
    }

    /** Alerts in force now, for one commune (with the province-wide ones) or all. */
    List<Alert> inForce(String areaCode) {
        Instant now = clock.instant();
        List<Alert> found = new ArrayList<>();
        for (Alert alert : store.endingAfter(now, LIST_MAX)) {
            if (alert.inForce(now) && alert.concerns(areaCode)) {
                found.add(alert);
            }
        }
        found.sort((a, b) -> b.severity().compareTo(a.severity()) != 0 ? b.severity().compareTo(a.severity())
                : b.validFrom().compareTo(a.validFrom()));
        return found;
    }

    Alert find(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new ApiException(ErrorCode.NOT_FOUND, "no such alert");
        }
        return store.find(id).orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "no such alert"));
    }

    ObjectNode progress(Caller caller, String id) {
        requireSender(caller);
        Alert alert = find(id);
        return AlertViews.progress(alert, store.progress(alert));
    }

    /** Nothing more is sent: the fan-out stops at its next page, the dispatcher settles queued jobs. */
    ObjectNode cancel(Caller caller, String id) {
        requireSender(caller);
        Alert alert = find(id);
        boolean changed = store.cancel(id, caller.userId(), clock.instant());
        if (changed) {
            JsonLog.info("alert cancelled", Map.of("alertId", id));
        }
        Alert now = alert.withStatus(AlertStatus.CANCELLED);
        return AlertViews.progress(now, store.progress(now));
    }

    private static void checkTemplateRules(BodyFields fields, String field, String text) {
        if (text == null) {
            return;
        }
        if (AlertText.hasLink(text)) {
            fields.error(field, "LINK_NOT_ALLOWED", "Không được chứa đường dẫn (Zalo không cho phép trong tin mẫu).",
                    "Links are not allowed (Zalo template rules).");
        }
        if (AlertText.hasPhoneNumber(text)) {
            fields.error(field, "PHONE_NOT_ALLOWED",
                    "Không được chứa số điện thoại (Zalo không cho phép trong tin mẫu); số khẩn cấp 113, 114, 115 được phép.",
                    "Phone numbers are not allowed (Zalo template rules); 113, 114, 115 are.");
        }
    }

    private static Instant instant(JsonNode body, String name, boolean required, BodyFields fields) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            if (required) {
                fields.error(BodyFields.required(name));
            }
            return null;
        }
        try {
            if (node.isTextual()) {
                return OffsetDateTime.parse(node.textValue()).toInstant().truncatedTo(ChronoUnit.SECONDS);
            }
        } catch (DateTimeParseException e) {
            // below
        }
        fields.error(name, "INVALID_FORMAT", "Phải là thời điểm RFC 3339, ví dụ 2026-11-28T09:30:00+07:00.",
                "Must be an RFC 3339 instant, e.g. 2026-11-28T09:30:00+07:00.");
        return null;
    }
}
