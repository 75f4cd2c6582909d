package vn.smartprovince.dossiers.officer;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.smartprovince.shared.auth.AuthenticatedFunction;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;

/**
 * {@code GET /v1/agencies/{agencyId}/dossiers?status=&procedureCode=&due=soon|overdue&limit=&cursor=}:
 * the agency's open dossiers, oldest deadline first (see {@link AgencyQueue}).
 */
public final class AgencyQueueHandler extends AuthenticatedFunction {
    private final AgencyQueue queue;

    AgencyQueueHandler(AgencyQueue queue) {
        this.queue = queue;
    }

    @Override
    protected HttpResponse handle(HttpRequest request, Caller caller) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String name : new String[] {"status", "procedureCode", "due", "cursor"}) {
            request.queryParameter(name).ifPresent(value -> query.put(name, value));
        }
        String agencyId = request.pathParameter("agencyId").orElse("");
        return HttpResponse.privateJson(200, queue.list(caller, agencyId, query, request.pageLimit()));
    }
}
