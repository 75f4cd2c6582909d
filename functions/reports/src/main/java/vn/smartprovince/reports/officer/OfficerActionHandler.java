package vn.smartprovince.reports.officer;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import vn.smartprovince.reports.Wiring;
import vn.smartprovince.reports.core.Requests;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpFunction;

/**
 * What an agency's officers do to a report, one method per function ({@code Handler:
 * vn.smartprovince.reports.officer.OfficerActionHandler::<method>}); each function keeps its own
 * Lambda, route and policy, only the class is shared. Every action requires {@code expectedVersion}
 * or {@code If-Match} and answers the report as it now is (200, {@code ETag}). A caller without the
 * right to the report gets 404 (403 for an officer of another agency) before the body is read.
 */
public final class OfficerActionHandler {
    private final HttpFunction accept;
    private final HttpFunction requestInfo;
    private final HttpFunction answer;
    private final HttpFunction transfer;
    private final HttpFunction reject;
    private final HttpFunction assign;

    public OfficerActionHandler() {
        this(Env.current());
    }

    OfficerActionHandler(Env env) {
        this(OfficerActions.of(Wiring.of(env)));
    }

    OfficerActionHandler(OfficerActions actions) {
        accept = Requests.action(actions::accept);
        requestInfo = Requests.action(actions::requestInfo);
        answer = Requests.action(actions::answer);
        transfer = Requests.action(actions::transfer);
        reject = Requests.action(actions::reject);
        assign = Requests.action(actions::assign);
    }

    /** {@code POST /v1/reports/{id}/accept}: the agency takes the report on (ROUTED or REOPENED -> IN_PROGRESS). */
    public void accept(InputStream input, OutputStream output, Context context) throws IOException {
        accept.handleRequest(input, output, context);
    }

    /** {@code POST /v1/reports/{id}/request-info}: the agency asks the citizen a question (-> NEEDS_INFO; the citizen is notified). */
    public void requestInfo(InputStream input, OutputStream output, Context context) throws IOException {
        requestInfo.handleRequest(input, output, context);
    }

    /** {@code POST /v1/reports/{id}/answer}: the agency answers with text and photos (-> ANSWERED; the citizen is notified; published through the feed). */
    public void answer(InputStream input, OutputStream output, Context context) throws IOException {
        answer.handleRequest(input, output, context);
    }

    /** {@code POST /v1/reports/{id}/transfer}: to another agency of the province with a reason (-> ROUTED there; deadline kept; the citizen is notified). */
    public void transfer(InputStream input, OutputStream output, Context context) throws IOException {
        transfer.handleRequest(input, output, context);
    }

    /** {@code POST /v1/reports/{id}/reject}: not our competence, a duplicate or abusive (-> REJECTED; the citizen is notified). */
    public void reject(InputStream input, OutputStream output, Context context) throws IOException {
        reject.handleRequest(input, output, context);
    }

    /** {@code POST /v1/reports/{id}/assign}: an officer of the report's agency holds it (state unchanged; that officer is notified). */
    public void assign(InputStream input, OutputStream output, Context context) throws IOException {
        assign.handleRequest(input, output, context);
    }
}
