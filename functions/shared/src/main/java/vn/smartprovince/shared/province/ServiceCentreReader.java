package vn.smartprovince.shared.province;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the optional {@code appointments} object and {@code serviceCentres} array of a province
 * file for {@link ProvinceConfigLoader}; procedures are read before, so counters' procedure codes
 * can be checked against them.
 */
final class ServiceCentreReader {
    private final StrictJson json;
    private final Set<String> areaCodes;
    private final Function<JsonAt, Agency> agencyReference;
    private final List<Procedure> procedures;

    ServiceCentreReader(StrictJson json, Set<String> areaCodes, Function<JsonAt, Agency> agencyReference,
                        List<Procedure> procedures) {
        this.json = json;
        this.areaCodes = areaCodes;
        this.agencyReference = agencyReference;
        this.procedures = procedures;
    }

    AppointmentRules rules(JsonAt at) {
        if (at == null) {
            return AppointmentRules.DEFAULT;
        }
        // TODO(appointments helper): read maxOpenPerCitizen, cancelCutoffMinutes, bookingHorizonDays.
        return AppointmentRules.DEFAULT;
    }

    ServiceCentre centre(JsonAt at) {
        // TODO(appointments helper): read a centre, each problem at its path.
        return null;
    }
}
