package vn.smartprovince.dossiers.officer;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import vn.smartprovince.dossiers.Wiring;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpFunction;

/**
 * What the competent agency's officers do to a dossier, one method per function ({@code Handler:
 * vn.smartprovince.dossiers.officer.OfficerActionHandler::<method>}); each function keeps its own
 * Lambda, route and policy, only the class is shared. Every action is {@code POST
 * /v1/dossiers/{id}/<action>} with {@code expectedVersion} (or {@code If-Match}) and answers the
 * dossier as it now is (200, {@code ETag}); see {@link OfficerActions} for the rules.
 */
public final class OfficerActionHandler {
    private final HttpFunction receive;
    private final HttpFunction refuse;
    private final HttpFunction requestSupplement;
    private final HttpFunction start;
    private final HttpFunction transfer;
    private final HttpFunction requestFees;
    private final HttpFunction stop;
    private final HttpFunction finish;
    private final HttpFunction returnResult;
    private final HttpFunction extend;

    public OfficerActionHandler() {
        this(Wiring.of(Env.current()));
    }

    OfficerActionHandler(Wiring wiring) {
        this(OfficerActions.of(wiring));
    }

    OfficerActionHandler(OfficerActions actions) {
        receive = OfficerRequests.action(actions, actions::receive);
        refuse = OfficerRequests.action(actions, actions::refuse);
        requestSupplement = OfficerRequests.action(actions, actions::requestSupplement);
        start = OfficerRequests.action(actions, actions::start);
        transfer = OfficerRequests.action(actions, actions::transfer);
        requestFees = OfficerRequests.action(actions, actions::requestFees);
        stop = OfficerRequests.action(actions, actions::stop);
        finish = OfficerRequests.action(actions, actions::finish);
        returnResult = OfficerRequests.action(actions, actions::returnResult);
        extend = OfficerRequests.action(actions, actions::extend);
    }

    /** {@code POST /v1/dossiers/{id}/receive}: 1 -> 2, the dossier code and the appointment date (form 01). */
    public void receive(InputStream input, OutputStream output, Context context) throws IOException {
        receive.handleRequest(input, output, context);
    }

    /** {@code POST /v1/dossiers/{id}/refuse}: 1 -> 3 with the reasons (form 03). */
    public void refuse(InputStream input, OutputStream output, Context context) throws IOException {
        refuse.handleRequest(input, output, context);
    }

    /** {@code POST /v1/dossiers/{id}/request-supplement}: 1, 2, 4 -> 5, what is missing (form 02); the clock pauses. */
    public void requestSupplement(InputStream input, OutputStream output, Context context) throws IOException {
        requestSupplement.handleRequest(input, output, context);
    }

    /** {@code POST /v1/dossiers/{id}/start}: 2, 6 -> 4. */
    public void start(InputStream input, OutputStream output, Context context) throws IOException {
        start.handleRequest(input, output, context);
    }

    /** {@code POST /v1/dossiers/{id}/transfer}: 2, 4 -> 4 at the next agency of the chain (form 06 line). */
    public void transfer(InputStream input, OutputStream output, Context context) throws IOException {
        transfer.handleRequest(input, output, context);
    }

    /** {@code POST /v1/dossiers/{id}/request-fees}: 2, 4 -> 6, the amount and how to pay. */
    public void requestFees(InputStream input, OutputStream output, Context context) throws IOException {
        requestFees.handleRequest(input, output, context);
    }

    /** {@code POST /v1/dossiers/{id}/stop}: 2, 4, 5, 6 -> 8 with the reasons (form 05). */
    public void stop(InputStream input, OutputStream output, Context context) throws IOException {
        stop.handleRequest(input, output, context);
    }

    /** {@code POST /v1/dossiers/{id}/finish}: 4, 6 -> 9 with the result. */
    public void finish(InputStream input, OutputStream output, Context context) throws IOException {
        finish.handleRequest(input, output, context);
    }

    /** {@code POST /v1/dossiers/{id}/return}: 9 -> 10, at the desk, by post or online. */
    public void returnResult(InputStream input, OutputStream output, Context context) throws IOException {
        returnResult.handleRequest(input, output, context);
    }

    /** {@code POST /v1/dossiers/{id}/extend}: form 04, the apology and a new date, once, before the due date. */
    public void extend(InputStream input, OutputStream output, Context context) throws IOException {
        extend.handleRequest(input, output, context);
    }
}
