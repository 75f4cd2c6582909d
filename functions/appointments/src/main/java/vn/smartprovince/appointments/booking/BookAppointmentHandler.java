package vn.smartprovince.appointments.booking;

import java.util.function.Supplier;
import vn.smartprovince.appointments.Wiring;
import vn.smartprovince.shared.auth.AuthenticatedFunction;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;
import vn.smartprovince.shared.idempotency.Idempotency;
import vn.smartprovince.shared.province.ProvinceConfig;

/**
 * {@code POST /v1/appointments} (signed in, {@code Idempotency-Key}): books a slot ({@link Bookings#book});
 * 201 with the appointment (code, {@code qrSvg}) and {@code location}; 409 {@code SLOT_FULL} with
 * {@code error.nextFreeSlots}, 409 {@code TOO_MANY_OPEN_BOOKINGS}.
 */
public final class BookAppointmentHandler extends AuthenticatedFunction {
    private final Bookings bookings;
    private final Supplier<ProvinceConfig> config;

    public BookAppointmentHandler() {
        this(Wiring.of(Env.current()));
    }

    BookAppointmentHandler(Wiring wiring) {
        this(BookingWiring.bookings(wiring), () -> wiring.provinceConfigs().snapshot().config());
    }

    BookAppointmentHandler(Bookings bookings, Supplier<ProvinceConfig> config) {
        this.bookings = bookings;
        this.config = config;
    }

    @Override
    protected HttpResponse handle(HttpRequest request, Caller caller) {
        String key = Idempotency.key(request);
        ProvinceConfig snapshot = config.get();
        Bookings.Answer answer = bookings.book(caller, snapshot, request.jsonBody(), key, request.requestId());
        HttpResponse response = HttpResponse.privateJson(201, answer.view())
                .withHeader("location", "/v1/appointments/" + answer.appointment().id())
                .withHeader("etag", "\"" + answer.appointment().version() + "\"");
        return Idempotency.answer(response, answer.replayed());
    }
}
