package vn.smartprovince.reports.citizen;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import vn.smartprovince.reports.Wiring;
import vn.smartprovince.reports.core.Requests;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpFunction;
import vn.smartprovince.shared.http.HttpResponse;

/**
 * What a citizen does to a report after sending it, one method per function ({@code Handler:
 * vn.smartprovince.reports.citizen.CitizenActionHandler::<method>}); each function keeps its own
 * Lambda, route and policy, only the class is shared. The owner's actions answer the report as it
 * now is (200, {@code ETag}); a caller without the right to the report gets 404 (403 for an
 * officer of another agency) before the body is read.
 */
public final class CitizenActionHandler {
    private final HttpFunction withdraw;
    private final HttpFunction provideInfo;
    private final HttpFunction rate;
    private final HttpFunction reopen;
    private final HttpFunction support;

    public CitizenActionHandler() {
        this(Env.current());
    }

    public CitizenActionHandler(Env env) {
        this(CitizenReports.of(Wiring.of(env)));
    }

    CitizenActionHandler(CitizenReports reports) {
        withdraw = Requests.action(reports::withdraw);
        provideInfo = Requests.action(reports::provideInfo);
        rate = Requests.action(reports::rate);
        reopen = Requests.action(reports::reopen);
        support = Requests.authenticated((request, caller) ->
                HttpResponse.privateJson(200, reports.support(caller, Requests.reportId(request))));
    }

    /** {@code POST /v1/reports/{id}/withdraw}: the owner takes the report back before it is handled (ROUTED, NEEDS_INFO, REOPENED). */
    public void withdraw(InputStream input, OutputStream output, Context context) throws IOException {
        withdraw.handleRequest(input, output, context);
    }

    /** {@code POST /v1/reports/{id}/info}: the owner answers the agency's question while NEEDS_INFO; back to IN_PROGRESS. */
    public void provideInfo(InputStream input, OutputStream output, Context context) throws IOException {
        provideInfo.handleRequest(input, output, context);
    }

    /** {@code POST /v1/reports/{id}/rating}: the owner rates the answer 1-5 with an optional comment, once per answer. */
    public void rate(InputStream input, OutputStream output, Context context) throws IOException {
        rate.handleRequest(input, output, context);
    }

    /** {@code POST /v1/reports/{id}/reopen}: not fixed; within the window after the answer, back to the agency. */
    public void reopen(InputStream input, OutputStream output, Context context) throws IOException {
        reopen.handleRequest(input, output, context);
    }

    /** {@code POST /v1/reports/{id}/support}: me too: one support per citizen on an open report, counted; repeating changes nothing. */
    public void support(InputStream input, OutputStream output, Context context) throws IOException {
        support.handleRequest(input, output, context);
    }
}
