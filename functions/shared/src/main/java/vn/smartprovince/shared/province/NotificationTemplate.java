package vn.smartprovince.shared.province;

import java.util.List;

/**
 * A notification the system sends, under our own {@code key}: as a ZNS template (to the phone
 * number) and/or as an OA text message (to a follower).
 *
 * @param params        parameter names, as registered with the ZNS template; also the
 *                      {@code {placeholders}} {@code oaText} may use
 * @param znsTemplateId optional (null): Zalo's id of the approved ZNS template
 * @param oaText        optional (null): OA message text with {@code {param}} placeholders
 */
public record NotificationTemplate(String key, List<String> params, String znsTemplateId, String oaText) {
    public NotificationTemplate {
        params = List.copyOf(params);
    }
}
