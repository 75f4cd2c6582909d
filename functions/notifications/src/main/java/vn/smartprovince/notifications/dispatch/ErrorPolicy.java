package vn.smartprovince.notifications.dispatch;

import java.util.Set;
import vn.smartprovince.shared.zalo.ZaloException;

/**
 * What a failed Zalo call means for the message, from the one classification of Zalo's errors
 * ({@link vn.smartprovince.shared.zalo.ZaloErrors}):
 *
 * <table>
 *   <caption>Error policy</caption>
 *   <tr><th>Zalo says</th><th>action</th></tr>
 *   <tr><td>OA token invalid or expired (-124, -216, 452, HTTP 401)</td><td>refresh the token once and resend at once</td></tr>
 *   <tr><td>-133 outside the template's sending hours</td><td>defer to 07:00 Vietnam time</td></tr>
 *   <tr><td>quota (-144), rate limit (429), 5xx, timeout, -100, unknown codes</td><td>retry later, growing delay, then the DLQ</td></tr>
 *   <tr><td>invalid phone (-108), template (-109, -131), data (-111, -112), no Zalo account (-118), cannot receive (-114), not a follower (-213), outside the OA window (-230) …</td><td>FAILED with the reason, never retried</td></tr>
 *   <tr><td>by user id (ZBS_UID): -118 user id unknown, -114 cannot receive, -135 template not sendable by user id</td><td>FAILED, unless the phone path is usable: then sent by phone at once ({@link #USER_ID_REFUSALS})</td></tr>
 *   <tr><td>-501 region restricted, app id or secret invalid, wrong base URL (misconfiguration)</td><td>ERROR line (alarm), retry later; the rest of the batch is not tried</td></tr>
 * </table>
 */
final class ErrorPolicy {
    static final int OUTSIDE_SENDING_HOURS = -133;
    /**
     * Permanent answers to a template sent by user id after which the phone path is tried: the id is
     * unknown to the OA (-118), the user cannot receive template messages (-114), the template may
     * not be sent by user id (-135, e.g. approved before 10 December 2025) or is refused with invalid
     * parameters for the id (-201). The send by user id answers with the ZNS codes (see
     * docs/notifications-zbs.md); -135 is the stub's number for "not allowed by user id".
     */
    static final Set<Integer> USER_ID_REFUSALS = Set.of(-118, -114, -135, -201);

    enum Action { REFRESH_TOKEN_AND_RESEND, DEFER_TO_SENDING_HOURS, RETRY_LATER, FAIL, MISCONFIGURED }

    private ErrorPolicy() {
    }

    static Action of(ZaloException e) {
        return switch (e.kind()) {
            case INVALID_TOKEN -> Action.REFRESH_TOKEN_AND_RESEND;
            case RETRYABLE -> e.zaloCode() == OUTSIDE_SENDING_HOURS ? Action.DEFER_TO_SENDING_HOURS : Action.RETRY_LATER;
            case PERMANENT -> Action.FAIL;
            case MISCONFIGURED -> Action.MISCONFIGURED;
        };
    }
}
