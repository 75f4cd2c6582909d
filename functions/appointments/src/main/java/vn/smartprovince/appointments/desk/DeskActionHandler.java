package vn.smartprovince.appointments.desk;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.Supplier;
import vn.smartprovince.appointments.Wiring;
import vn.smartprovince.shared.auth.AuthenticatedFunction;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;
import vn.smartprovince.shared.json.Json;

/**
 * The desk's routes, one method per function ({@code Handler:
 * vn.smartprovince.appointments.desk.DeskActionHandler::<method>}); each function keeps its own
 * Lambda, route and policy. Rules: {@link DeskActions}, {@link CentreClosures}.
 */
public final class DeskActionHandler {
    private final AuthenticatedFunction checkIn;
    private final AuthenticatedFunction serve;
    private final AuthenticatedFunction noShow;
    private final AuthenticatedFunction day;
    private final AuthenticatedFunction close;

    public DeskActionHandler() {
        this(Wiring.of(Env.current()));
    }

    DeskActionHandler(Wiring wiring) {
        this(new DeskActions(wiring.appointments(), () -> wiring.provinceConfigs().snapshot().config(), wiring.clock()),
                new CentreClosures(wiring.appointments(), () -> wiring.provinceConfigs().snapshot().config(),
                        wiring.clock()));
    }

    DeskActionHandler(DeskActions actions, CentreClosures closures) {
        checkIn = function((request, caller) -> HttpResponse.privateJson(200,
                actions.checkIn(caller, body(request, false))));
        serve = function((request, caller) -> HttpResponse.privateJson(200,
                actions.serve(caller, request.pathParameter("id").orElse(""), body(request, true))));
        noShow = function((request, caller) -> HttpResponse.privateJson(200,
                actions.noShow(caller, request.pathParameter("id").orElse(""), body(request, true))));
        day = function((request, caller) -> HttpResponse.privateJson(200, actions.day(caller,
                request.pathParameter("centreId").orElse(""), request.queryParameter("date").orElse(null),
                request.queryParameter("counterId").orElse(null))));
        close = function((request, caller) -> {
            CentreClosures.Closure closure = closures.close(caller, request.pathParameter("centreId").orElse(""),
                    body(request, false), request.requestId());
            return HttpResponse.privateJson(closure.newlyClosed() ? 201 : 200, closure);
        });
    }

    /** The request's JSON body, read only when the use case asks (after its access check); empty allowed when optional. */
    private static Supplier<JsonNode> body(HttpRequest request, boolean optional) {
        return () -> optional && (request.body() == null || request.body().isBlank()) ? Json.object()
                : request.jsonBody();
    }

    private interface Route {
        HttpResponse handle(HttpRequest request, Caller caller) throws Exception;
    }

    private static AuthenticatedFunction function(Route route) {
        return new AuthenticatedFunction() {
            @Override
            protected HttpResponse handle(HttpRequest request, Caller caller) throws Exception {
                return route.handle(request, caller);
            }
        };
    }

    /** {@code POST /v1/appointments/check-in} {@code {code}}. */
    public void checkIn(InputStream input, OutputStream output, Context context) throws IOException {
        checkIn.handleRequest(input, output, context);
    }

    /** {@code POST /v1/appointments/{id}/serve}. */
    public void serve(InputStream input, OutputStream output, Context context) throws IOException {
        serve.handleRequest(input, output, context);
    }

    /** {@code POST /v1/appointments/{id}/no-show}. */
    public void noShow(InputStream input, OutputStream output, Context context) throws IOException {
        noShow.handleRequest(input, output, context);
    }

    /** {@code GET /v1/service-centres/{centreId}/appointments?date=&counterId=}. */
    public void day(InputStream input, OutputStream output, Context context) throws IOException {
        day.handleRequest(input, output, context);
    }

    /** {@code POST /v1/service-centres/{centreId}/closures} {@code {date, reason}}. */
    public void close(InputStream input, OutputStream output, Context context) throws IOException {
        close.handleRequest(input, output, context);
    }
}
