package vn.smartprovince.appointments.centres;

import java.util.function.Supplier;
import vn.smartprovince.appointments.Wiring;
import vn.smartprovince.appointments.core.FreeSlots;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpFunction;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;
import vn.smartprovince.shared.province.ProvinceConfig;

/** {@code GET /v1/appointment-slots?procedureCode=&from=&to=&centreId=} (public): the bookable slots of the days asked (at most 14), each with its free places; past slots and closed days left out. */
public final class AppointmentSlotsHandler extends HttpFunction {
    private final Centres centres;
    private final Supplier<ProvinceConfig> config;

    public AppointmentSlotsHandler() {
        this(Wiring.of(Env.current()));
    }

    AppointmentSlotsHandler(Wiring wiring) {
        this(new Centres(new FreeSlots(wiring.appointments()), wiring.clock()),
                () -> wiring.provinceConfigs().snapshot().config());
    }

    AppointmentSlotsHandler(Centres centres, Supplier<ProvinceConfig> config) {
        this.centres = centres;
        this.config = config;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        return HttpResponse.json(200, centres.slots(config.get(), request.queryParameter("procedureCode").orElse(null),
                request.queryParameter("from").orElse(null), request.queryParameter("to").orElse(null),
                request.queryParameter("centreId").orElse(null))).withHeader("cache-control", "no-store");
    }
}
