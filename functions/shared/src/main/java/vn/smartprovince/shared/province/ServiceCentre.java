package vn.smartprovince.shared.province;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A service centre (trung tâm phục vụ hành chính công, or a commune's one-stop desk) where citizens
 * book a time at a counter (đặt lịch hẹn). Format: infra/demo/README.md, "Service centres".
 *
 * @param agencyId     the agency that runs it: its officers check citizens in at the desk
 * @param communeCode  the commune it stands in (a code of {@code areas}), or null
 * @param openingHours per weekday the periods it is open; a day missing or empty is closed. The
 *                     holiday calendar closes days too.
 * @param slotMinutes  the length of one bookable slot (5-120)
 * @param counters     the counters (quầy) and what each serves
 */
public record ServiceCentre(String id, String name, String agencyId, String address, String communeCode,
                            Map<DayOfWeek, List<OpeningPeriod>> openingHours, int slotMinutes,
                            List<ServiceCounter> counters) {
    public ServiceCentre {
        openingHours = openingHours == null ? Map.of() : Map.copyOf(openingHours);
        counters = List.copyOf(counters);
    }

    public Optional<ServiceCounter> counter(String id) {
        return counters.stream().filter(counter -> counter.id().equals(id)).findFirst();
    }

    /** The counters that serve this procedure, in file order. */
    public List<ServiceCounter> countersServing(String procedureCode) {
        return counters.stream().filter(counter -> counter.procedureCodes().contains(procedureCode)).toList();
    }

    public List<OpeningPeriod> periods(DayOfWeek day) {
        return openingHours.getOrDefault(day, List.of());
    }
}
