package vn.smartprovince.province.config;

import vn.smartprovince.province.Wiring;
import vn.smartprovince.shared.auth.AuthenticatedFunction;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;

/**
 * {@code GET /v1/province/config} (province administrators): the configuration in force,
 * {@code ETag} = its version, {@code 304} on a matching {@code If-None-Match},
 * {@code Cache-Control: private, no-cache} (a browser may keep it but asks each time).
 */
public final class GetConfigHandler extends AuthenticatedFunction {
    static final String CACHE_CONTROL = "private, no-cache";

    private final ShowConfig show;

    public GetConfigHandler() {
        this(Env.current());
    }

    GetConfigHandler(Env env) {
        this(new ShowConfig(Wiring.configs(env)));
    }

    GetConfigHandler(ShowConfig show) {
        this.show = show;
    }

    @Override
    protected HttpResponse handle(HttpRequest request, Caller caller) {
        ShowConfig.Answer answer = show.show(caller, request.header("if-none-match").orElse(null));
        return HttpResponse.cacheable(answer instanceof ShowConfig.Shown shown ? shown.body() : null, answer.etag(),
                CACHE_CONTROL);
    }
}
