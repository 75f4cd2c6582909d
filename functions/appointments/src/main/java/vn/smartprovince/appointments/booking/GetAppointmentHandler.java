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
 * {@code GET /v1/appointments/{id}} (signed in): the owner's, the centre's agency officers' and
 * admins'; 404 to anyone else.
 */
public final class GetAppointmentHandler extends AuthenticatedFunction {
    private final Bookings bookings;
    private final Supplier<ProvinceConfig> config;

    public GetAppointmentHandler() {
        this(Wiring.of(Env.current()));
    }

    GetAppointmentHandler(Wiring wiring) {
        this(BookingWiring.bookings(wiring), () -> wiring.provinceConfigs().snapshot().config());
    }

    GetAppointmentHandler(Bookings bookings, Supplier<ProvinceConfig> config) {
        this.bookings = bookings;
        this.config = config;
    }

    @Override
    protected HttpResponse handle(HttpRequest request, Caller caller) {
        String id = request.pathParameter("id").orElseThrow(Bookings::notFound);
        Bookings.Answer answer = bookings.get(caller, id, config.get());
        return HttpResponse.privateJson(200, answer.view())
                .withHeader("etag", "\"" + answer.appointment().version() + "\"");
    }
}
