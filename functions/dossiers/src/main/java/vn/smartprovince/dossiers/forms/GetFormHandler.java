package vn.smartprovince.dossiers.forms;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.smartprovince.dossiers.Wiring;
import vn.smartprovince.shared.auth.AuthenticatedFunction;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;

/**
 * {@code GET /v1/dossiers/{id}/forms/{form}}: form 01-06 as JSON (the mini app renders it) or, with
 * {@code ?format=html} or {@code Accept: text/html}, as a printable A4 HTML document.
 */
public final class GetFormHandler extends AuthenticatedFunction {
    private final DossierForms forms;

    public GetFormHandler() {
        this(Env.current());
    }

    GetFormHandler(Env env) {
        this(forms(Wiring.of(env)));
    }

    private static DossierForms forms(Wiring wiring) {
        return new DossierForms(wiring.dossiers(), () -> wiring.provinceConfigs().snapshot().config());
    }

    GetFormHandler(DossierForms forms) {
        this.forms = forms;
    }

    @Override
    protected HttpResponse handle(HttpRequest request, Caller caller) {
        DossierForm form = forms.get(caller, request.pathParameter("id").orElse(""),
                request.pathParameter("form").orElse(""));
        if (wantsHtml(request)) {
            return new HttpResponse(200, Map.of("content-type", "text/html; charset=utf-8",
                    "cache-control", "no-store", "content-security-policy",
                    "default-src 'none'; style-src 'unsafe-inline'; img-src data:"), List.of(), FormHtml.render(form));
        }
        return HttpResponse.privateJson(200, form);
    }

    static boolean wantsHtml(HttpRequest request) {
        String format = request.queryParameter("format").orElse("");
        if (!format.isBlank()) {
            return format.strip().equalsIgnoreCase("html");
        }
        String accept = request.header("accept").orElse("").toLowerCase(Locale.ROOT);
        return accept.contains("text/html") && !accept.startsWith("application/json");
    }
}
