package vn.smartprovince.notifications.view;

import vn.smartprovince.notifications.Wiring;
import vn.smartprovince.notifications.core.DeliveryStore;
import vn.smartprovince.shared.auth.AuthenticatedFunction;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;

/**
 * {@code GET /v1/me/notifications}: what we sent the caller, newest first (GSI1
 * {@code NOTIFICATIONS#<userId>}), with cursor pagination. Only the caller's own records can be
 * reached: the partition is the session's user id, and a cursor made for someone else is refused.
 */
public final class MyNotificationsHandler extends AuthenticatedFunction {
    private final DeliveryStore store;

    public MyNotificationsHandler() {
        this(Env.current());
    }

    MyNotificationsHandler(Env env) {
        this(Wiring.deliveries(env));
    }

    MyNotificationsHandler(DeliveryStore store) {
        this.store = store;
    }

    @Override
    protected HttpResponse handle(HttpRequest request, Caller caller) {
        int limit = request.pageLimit();
        String after = request.queryParameter("cursor")
                .map(cursor -> NotificationCursors.decode(cursor, caller.userId())).orElse(null);
        DeliveryStore.Page page = store.forRecipient(caller.userId(), after, limit);
        String next = page.lastSortKey() == null ? null : NotificationCursors.encode(caller.userId(), page.lastSortKey());
        return HttpResponse.json(200, new NotificationView.Page(page.items().stream().map(NotificationView::of).toList(),
                next)).withHeader("cache-control", "no-store");
    }
}
