package vn.smartprovince.appointments.centres;

import java.util.function.Supplier;
import vn.smartprovince.appointments.Wiring;
import vn.smartprovince.appointments.core.FreeSlots;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpFunction;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;
import vn.smartprovince.shared.province.ProvinceConfig;

/** {@code GET /v1/service-centres} (public): the centres with address, opening hours, counters and the procedures each serves. */
public final class ListServiceCentresHandler extends HttpFunction {
    private final Centres centres;
    private final Supplier<ProvinceConfig> config;

    public ListServiceCentresHandler() {
        this(Wiring.of(Env.current()));
    }

    ListServiceCentresHandler(Wiring wiring) {
        this(new Centres(new FreeSlots(wiring.appointments()), wiring.clock()),
                () -> wiring.provinceConfigs().snapshot().config());
    }

    ListServiceCentresHandler(Centres centres, Supplier<ProvinceConfig> config) {
        this.centres = centres;
        this.config = config;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        return HttpResponse.json(200, centres.list(config.get())).withHeader("cache-control", "public, max-age=300");
    }
}
