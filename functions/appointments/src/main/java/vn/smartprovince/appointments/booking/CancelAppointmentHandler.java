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
 * {@code POST /v1/appointments/{id}/cancel} (the owner; {@code expectedVersion}): until the cut-off;
 * the place is free again at once.
 */
public final class CancelAppointmentHandler extends AuthenticatedFunction {
    private final Bookings bookings;
    private final Supplier<ProvinceConfig> config;

    public CancelAppointmentHandler() {
        this(Wiring.of(Env.current()));
    }

    CancelAppointmentHandler(Wiring wiring) {
        this(BookingWiring.bookings(wiring), () -> wiring.provinceConfigs().snapshot().config());
    }

    CancelAppointmentHandler(Bookings bookings, Supplier<ProvinceConfig> config) {
        this.bookings = bookings;
        this.config = config;
    }

    @Override
    protected HttpResponse handle(HttpRequest request, Caller caller) {
        String id = request.pathParameter("id").orElseThrow(Bookings::notFound);
        Bookings.Answer answer = bookings.cancel(caller, id, request::jsonBody, config.get());
        return HttpResponse.privateJson(200, answer.view())
                .withHeader("etag", "\"" + answer.appointment().version() + "\"");
    }
}
