package vn.smartprovince.appointments.booking;

import java.util.function.Supplier;
import vn.smartprovince.appointments.Wiring;
import vn.smartprovince.shared.auth.AuthenticatedFunction;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;
import vn.smartprovince.shared.province.ProvinceConfig;

/**
 * {@code GET /v1/me/appointments?limit=&cursor=} (signed in): the caller's bookings, latest slot first.
 */
public final class MyAppointmentsHandler extends AuthenticatedFunction {
    private final Bookings bookings;
    private final Supplier<ProvinceConfig> config;

    public MyAppointmentsHandler() {
        this(Wiring.of(Env.current()));
    }

    MyAppointmentsHandler(Wiring wiring) {
        this(BookingWiring.bookings(wiring), () -> wiring.provinceConfigs().snapshot().config());
    }

    MyAppointmentsHandler(Bookings bookings, Supplier<ProvinceConfig> config) {
        this.bookings = bookings;
        this.config = config;
    }

    @Override
    protected HttpResponse handle(HttpRequest request, Caller caller) {
        return HttpResponse.privateJson(200, bookings.mine(caller, request.pageLimit(),
                request.queryParameter("cursor").orElse(null), config.get()));
    }
}
