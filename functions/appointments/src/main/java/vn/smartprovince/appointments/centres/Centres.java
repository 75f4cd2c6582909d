package vn.smartprovince.appointments.centres;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import vn.smartprovince.appointments.core.FreeSlots;
import vn.smartprovince.appointments.core.SlotRule;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.FieldError;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.province.OpeningPeriod;
import vn.smartprovince.shared.province.ProvinceConfig;
import vn.smartprovince.shared.province.ServiceCentre;
import vn.smartprovince.shared.province.ServiceCounter;
import vn.smartprovince.shared.province.WorkingDays;

/** The centres as the public sees them, and their slots for a procedure ({@link SlotRule}). */
public final class Centres {
    private final FreeSlots slots;
    private final Clock clock;

    public Centres(FreeSlots slots, Clock clock) {
        this.slots = slots;
        this.clock = clock;
    }

    public ObjectNode list(ProvinceConfig config) {
        ObjectNode root = Json.object();
        ArrayNode items = root.putArray("items");
        for (ServiceCentre centre : config.serviceCentres()) {
            ObjectNode node = items.addObject();
            node.put("id", centre.id());
            node.put("name", centre.name());
            node.put("address", centre.address());
            if (centre.communeCode() != null) {
                node.put("communeCode", centre.communeCode());
            }
            node.put("agencyId", centre.agencyId());
            node.put("slotMinutes", centre.slotMinutes());
            ObjectNode hours = node.putObject("openingHours");
            for (DayOfWeek day : DayOfWeek.values()) {
                ArrayNode periods = hours.putArray(day.name());
                for (OpeningPeriod p : centre.periods(day)) {
                    periods.addObject().put("from", p.from().toString()).put("to", p.to().toString());
                }
            }
            ArrayNode counters = node.putArray("counters");
            for (ServiceCounter counter : centre.counters()) {
                ObjectNode c = counters.addObject();
                c.put("id", counter.id());
                c.put("name", counter.name());
                c.put("capacity", counter.capacity());
                ArrayNode procedures = c.putArray("procedures");
                for (String code : counter.procedureCodes()) {
                    ObjectNode p = procedures.addObject().put("code", code);
                    config.procedure(code).ifPresent(found -> p.put("name", found.name()));
                }
            }
        }
        root.putNull("nextCursor");
        return root;
    }

    /** {@code procedureCode} required; {@code from}/{@code to} default today .. today + 6, at most 14 days. */
    public ObjectNode slots(ProvinceConfig config, String procedureCode, String fromText, String toText,
                            String centreId) {
        Instant now = clock.instant();
        List<FieldError> problems = new ArrayList<>();
        if (procedureCode == null || procedureCode.isBlank()) {
            problems.add(new FieldError("procedureCode", "REQUIRED", "Thiếu procedureCode.", "procedureCode is missing."));
        } else if (config.procedure(procedureCode).isEmpty()) {
            problems.add(new FieldError("procedureCode", "UNKNOWN", "Không có thủ tục này.", "No such procedure."));
        }
        LocalDate today = SlotRule.today(now);
        LocalDate from = date(fromText, "from", today, problems);
        LocalDate to = date(toText, "to", from == null ? today.plusDays(6) : from.plusDays(6), problems);
        if (from != null && to != null) {
            if (to.isBefore(from)) {
                problems.add(new FieldError("to", "BEFORE_FROM", "to phải sau from.", "to must not be before from."));
            } else if (from.plusDays(SlotRule.MAX_DAYS_PER_CALL).isBefore(to.plusDays(1))) {
                problems.add(new FieldError("to", "RANGE_TOO_LONG", "Tối đa " + SlotRule.MAX_DAYS_PER_CALL + " ngày mỗi lần.",
                        "At most " + SlotRule.MAX_DAYS_PER_CALL + " days per request."));
            }
        }
        if (centreId != null && config.serviceCentre(centreId).isEmpty()) {
            problems.add(new FieldError("centreId", "UNKNOWN", "Không có trung tâm này.", "No such service centre."));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        WorkingDays calendar = WorkingDays.of(config);
        ObjectNode root = Json.object();
        ArrayNode items = root.putArray("items");
        for (ServiceCentre centre : config.serviceCentres()) {
            if (centreId != null && !centre.id().equals(centreId)) {
                continue;
            }
            for (SlotRule.Slot slot : slots.between(centre, procedureCode, from, to, now, config.appointments(), calendar)) {
                items.addObject().put("centreId", slot.centreId()).put("date", slot.date().toString())
                        .put("start", slot.start().toString()).put("end", slot.end().toString())
                        .put("free", slot.free());
            }
        }
        root.putNull("nextCursor");
        return root;
    }

    private static LocalDate date(String text, String name, LocalDate fallback, List<FieldError> problems) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(text);
            }
        } catch (DateTimeParseException e) {
            // below
        }
        problems.add(new FieldError(name, "INVALID_FORMAT", "Ngày dạng YYYY-MM-DD.", "A date YYYY-MM-DD."));
        return null;
    }
}
