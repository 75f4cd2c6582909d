package vn.smartprovince.reports.officer;

import vn.smartprovince.reports.Requests;
import vn.smartprovince.reports.photos.PhotoStore;
import vn.smartprovince.shared.auth.AuthenticatedFunction;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;

/** {@code POST /v1/reports/{id}/answer}: the agency answers with text and photos (-> ANSWERED; the citizen is notified; published through the feed). Requires {@code expectedVersion} or {@code If-Match}. */
public final class AnswerReportHandler extends AuthenticatedFunction {
    private final OfficerActions actions;

    public AnswerReportHandler() {
        this(Env.current());
    }

    AnswerReportHandler(Env env) {
        this(OfficerWiring.actions(env));
    }

    AnswerReportHandler(Env env, PhotoStore photos) {
        this(OfficerWiring.actions(env, photos));
    }

    AnswerReportHandler(OfficerActions actions) {
        this.actions = actions;
    }

    @Override
    protected HttpResponse handle(HttpRequest request, Caller caller) {
        return Requests.report(actions.answer(caller, Requests.reportId(request),
                Requests.actionBody(request)));
    }
}
