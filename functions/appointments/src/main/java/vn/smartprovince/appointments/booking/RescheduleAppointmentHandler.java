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
 * {@code POST /v1/appointments/{id}/reschedule} (the owner; {@code {date, start, expectedVersion}}):
 * until the cut-off of the old slot; the new place is held and the old one given back in one
 * transaction (409 {@code SLOT_FULL} keeps the old one).
 */
public final class RescheduleAppointmentHandler extends AuthenticatedFunction {
    private final Bookings bookings;
    private final Supplier<ProvinceConfig> config;

    public RescheduleAppointmentHandler() {
        this(Wiring.of(Env.current()));
    }

    RescheduleAppointmentHandler(Wiring wiring) {
        this(BookingWiring.bookings(wiring), () -> wiring.provinceConfigs().snapshot().config());
    }

    RescheduleAppointmentHandler(Bookings bookings, Supplier<ProvinceConfig> config) {
        this.bookings = bookings;
        this.config = config;
    }

    @Override
    protected HttpResponse handle(HttpRequest request, Caller caller) {
        String id = request.pathParameter("id").orElseThrow(Bookings::notFound);
        Bookings.Answer answer = bookings.reschedule(caller, id, request::jsonBody, config.get(), request.requestId());
        return HttpResponse.privateJson(200, answer.view())
                .withHeader("etag", "\"" + answer.appointment().version() + "\"");
    }
}
