package vn.smartprovince.shared.province;

import static vn.smartprovince.shared.province.ConfigProblem.Kind.EMPTY;
import static vn.smartprovince.shared.province.ConfigProblem.Kind.INCONSISTENT;
import static vn.smartprovince.shared.province.ConfigProblem.Kind.UNKNOWN_REFERENCE;
import static vn.smartprovince.shared.province.Fields.Presence.OPTIONAL;
import static vn.smartprovince.shared.province.Fields.Presence.REQUIRED;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads the optional {@code appointments} object and {@code serviceCentres} array of a province
 * file for {@link ProvinceConfigLoader}; procedures are read before, so counters' procedure codes
 * can be checked against them. Rules: centre ids unique; {@code agencyId} an agency;
 * {@code communeCode} a current area code; {@code openingHours} keys MONDAY..SUNDAY, each a list of
 * periods {@code HH:mm} with {@code from < to}, not overlapping, each a whole number of slots;
 * {@code slotMinutes} 5-120; counters with ids unique in the centre, procedure codes of
 * {@code procedures}, capacity 1-50. Each problem at its JSON path, in English and Vietnamese.
 */
final class ServiceCentreReader {
    static final Pattern HH_MM = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    private static final String HH_MM_EN = "a time HH:mm (00:00-23:59), e.g. 07:30";
    private static final String HH_MM_VI = "giờ dạng HH:mm (00:00-23:59), ví dụ 07:30";
    static final String CODE_EN = "1-40 letters, digits, '.', '_' or '-', starting with a letter or digit";
    static final String CODE_VI = "1-40 chữ cái không dấu, chữ số, '.', '_' hoặc '-', bắt đầu bằng chữ cái hoặc chữ số";
    static final int NAME_LENGTH = 300;
    static final int ADDRESS_LENGTH = 300;
    static final int COUNTER_NAME_LENGTH = 150;
    static final int MIN_SLOT_MINUTES = 5;
    static final int MAX_SLOT_MINUTES = 120;
    static final int MAX_CAPACITY = 50;

    private final StrictJson json;
    private final Problems problems;
    private final Set<String> areaCodes;
    private final Function<JsonAt, Agency> agencyReference;
    private final Set<String> procedureCodes;
    private final Map<String, JsonAt> centreIds = new HashMap<>();

    ServiceCentreReader(StrictJson json, Set<String> areaCodes, Function<JsonAt, Agency> agencyReference,
                        List<Procedure> procedures) {
        this.json = json;
        this.problems = json.problems();
        this.areaCodes = areaCodes;
        this.agencyReference = agencyReference;
        this.procedureCodes = new java.util.HashSet<>();
        procedures.forEach(procedure -> procedureCodes.add(procedure.code()));
    }

    /** Absent: {@link AppointmentRules#DEFAULT}; an absent key takes the default's value. */
    AppointmentRules rules(JsonAt at) {
        if (at == null) {
            return AppointmentRules.DEFAULT;
        }
        Fields fields = json.object(at);
        if (fields == null) {
            return AppointmentRules.DEFAULT;
        }
        AppointmentRules d = AppointmentRules.DEFAULT;
        Integer maxOpen = fields.integer("maxOpenPerCitizen", 1, 20, OPTIONAL);
        Integer cutoff = fields.integer("cancelCutoffMinutes", 0, 7 * 24 * 60, OPTIONAL);
        Integer horizon = fields.integer("bookingHorizonDays", 1, 365, OPTIONAL);
        fields.end();
        return new AppointmentRules(maxOpen == null ? d.maxOpenPerCitizen() : maxOpen,
                cutoff == null ? d.cancelCutoffMinutes() : cutoff, horizon == null ? d.bookingHorizonDays() : horizon);
    }

    ServiceCentre centre(JsonAt at) {
        Fields fields = json.object(at);
        if (fields == null) {
            return null;
        }
        JsonAt idAt = fields.value("id", REQUIRED);
        String id = idAt == null ? null : json.code(idAt, ProvinceConfigLoader.CODE, CODE_EN, CODE_VI);
        if (id != null && !problems.claim(id, idAt, centreIds)) {
            id = null;
        }
        String name = fields.text("name", NAME_LENGTH, REQUIRED);
        JsonAt agencyAt = fields.value("agencyId", REQUIRED);
        Agency agency = agencyAt == null ? null : agencyReference.apply(agencyAt);
        String address = fields.text("address", ADDRESS_LENGTH, REQUIRED);
        JsonAt communeAt = fields.value("communeCode", OPTIONAL);
        String commune = communeAt == null ? null : json.code(communeAt, ProvinceConfigLoader.CODE, CODE_EN, CODE_VI);
        if (commune != null && !areaCodes.contains(commune)) {
            problems.add(UNKNOWN_REFERENCE, communeAt, "no area with code '" + commune + "' in areas",
                    "không có đơn vị hành chính mã '" + commune + "' trong areas");
            commune = null;
        }
        Integer slotMinutes = fields.integer("slotMinutes", MIN_SLOT_MINUTES, MAX_SLOT_MINUTES, REQUIRED);
        JsonAt hoursAt = fields.value("openingHours", REQUIRED);
        Map<DayOfWeek, List<OpeningPeriod>> hours = hoursAt == null ? null : openingHours(hoursAt, slotMinutes, true);
        Map<String, JsonAt> counterIds = new HashMap<>();
        List<ServiceCounter> counters = fields.list("counters", REQUIRED, 1, item -> counter(item, counterIds));
        JsonAt countersAt = fields.value("counters", OPTIONAL);
        fields.end();
        if (id == null || name == null || agency == null || address == null || (communeAt != null && commune == null)
                || slotMinutes == null || hours == null || countersAt == null
                || counters.size() != size(countersAt)) {
            return null;
        }
        return new ServiceCentre(id, name, agency.id(), address, commune, hours, slotMinutes, counters);
    }

    /**
     * Null when anything in it is wrong (each problem reported). Also the directory's opening hours
     * ({@link DirectoryReader}): no slots there ({@code slotMinutes} null) and never-open allowed
     * ({@code mustOpen} false: an empty object means the hours are not stated).
     */
    Map<DayOfWeek, List<OpeningPeriod>> openingHours(JsonAt at, Integer slotMinutes, boolean mustOpen) {
        Fields fields = json.object(at);
        if (fields == null) {
            return null;
        }
        boolean ok = true;
        int periodsSeen = 0;
        Map<DayOfWeek, List<OpeningPeriod>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            JsonAt dayAt = fields.value(day.name(), OPTIONAL);
            if (dayAt == null) {
                continue;
            }
            List<JsonAt> items = new ArrayList<>();
            List<OpeningPeriod> periods = fields.list(day.name(), OPTIONAL, 0, item -> {
                items.add(item);
                return period(item, slotMinutes);
            });
            int count = size(dayAt);
            periodsSeen += Math.max(count, 0);
            if (periods.size() != count) {
                ok = false;
                continue;
            }
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < periods.size(); i++) {
                order.add(i);
            }
            order.sort(Comparator.comparing(i -> periods.get(i).from()));
            for (int k = 1; k < order.size(); k++) {
                OpeningPeriod earlier = periods.get(order.get(k - 1));
                OpeningPeriod later = periods.get(order.get(k));
                if (later.from().isBefore(earlier.to())) {
                    problems.add(INCONSISTENT, items.get(order.get(k)),
                            "overlaps the period " + earlier.from() + "-" + earlier.to() + " of " + day,
                            "trùng với khung giờ " + earlier.from() + "-" + earlier.to() + " cùng ngày");
                    ok = false;
                }
            }
            if (!periods.isEmpty()) {
                hours.put(day, order.stream().map(periods::get).toList());
            }
        }
        fields.end();
        if (periodsSeen == 0 && ok && mustOpen) {
            problems.add(EMPTY, at, "the centre is never open: give at least one weekday a period",
                    "trung tâm không mở cửa ngày nào: cần ít nhất một khung giờ");
            return null;
        }
        return ok ? hours : null;
    }

    private OpeningPeriod period(JsonAt at, Integer slotMinutes) {
        Fields fields = json.object(at);
        if (fields == null) {
            return null;
        }
        String from = fields.code("from", HH_MM, HH_MM_EN, HH_MM_VI, REQUIRED);
        String to = fields.code("to", HH_MM, HH_MM_EN, HH_MM_VI, REQUIRED);
        fields.end();
        if (from == null || to == null) {
            return null;
        }
        OpeningPeriod period = new OpeningPeriod(LocalTime.parse(from), LocalTime.parse(to));
        if (!period.from().isBefore(period.to())) {
            problems.add(INCONSISTENT, at, "from (" + from + ") must be before to (" + to + ")",
                    "giờ bắt đầu (" + from + ") phải trước giờ kết thúc (" + to + ")");
            return null;
        }
        long minutes = Duration.between(period.from(), period.to()).toMinutes();
        if (slotMinutes != null && minutes % slotMinutes != 0) {
            problems.add(INCONSISTENT, at, "lasts " + minutes + " minutes, not a whole number of " + slotMinutes
                            + "-minute slots (slotMinutes)",
                    "dài " + minutes + " phút, không chia hết cho độ dài lượt hẹn " + slotMinutes + " phút (slotMinutes)");
            return null;
        }
        return period;
    }

    private ServiceCounter counter(JsonAt at, Map<String, JsonAt> counterIds) {
        Fields fields = json.object(at);
        if (fields == null) {
            return null;
        }
        JsonAt idAt = fields.value("id", REQUIRED);
        String id = idAt == null ? null : json.code(idAt, ProvinceConfigLoader.CODE, CODE_EN, CODE_VI);
        if (id != null && !problems.claim(id, idAt, counterIds)) {
            id = null;
        }
        String name = fields.text("name", COUNTER_NAME_LENGTH, REQUIRED);
        Map<String, JsonAt> seen = new HashMap<>();
        JsonAt codesAt = fields.value("procedureCodes", OPTIONAL);
        List<String> codes = fields.list("procedureCodes", REQUIRED, 1, item -> {
            String code = json.code(item, ProcedureReader.PROCEDURE_CODE, "a national procedure code such as "
                    + "1.001193.000.00.00.H56", "mã thủ tục quốc gia, ví dụ 1.001193.000.00.00.H56");
            if (code == null || !problems.claim(code, item, seen)) {
                return null;
            }
            if (!procedureCodes.contains(code)) {
                problems.add(UNKNOWN_REFERENCE, item, "no procedure with code '" + code + "' in procedures",
                        "không có thủ tục mã '" + code + "' trong procedures");
                return null;
            }
            return code;
        });
        Integer capacity = fields.integer("capacity", 1, MAX_CAPACITY, REQUIRED);
        fields.end();
        if (id == null || name == null || capacity == null || codesAt == null || codes.isEmpty()
                || codes.size() != size(codesAt)) {
            return null;
        }
        return new ServiceCounter(id, name, codes, capacity);
    }

    /** The number of items of an array value, -1 for anything else (already reported by the list's read). */
    private static int size(JsonAt value) {
        return value.type() == JsonAt.Type.ARRAY ? value.items().size() : -1;
    }
}
