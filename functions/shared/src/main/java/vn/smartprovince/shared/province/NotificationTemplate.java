package vn.smartprovince.shared.province;

import java.util.List;

/**
 * A notification the system sends, under our own {@code key}: as a template message (ZNS / ZBS
 * Template Message, to the phone number or, where allowed, to the Zalo user id) and/or as an OA
 * text message (to a follower).
 *
 * @param params        parameter names, as registered with the ZNS template; also the
 *                      {@code {placeholders}} {@code oaText} may use
 * @param znsTemplateId optional (null): Zalo's id of the approved template (ZNS / ZBS Template Message)
 * @param oaText        optional (null): OA message text with {@code {param}} placeholders
 * @param sendByUserId  the template may also be sent by the citizen's Zalo user id through the OA API
 *                      (ZBS Template Messages approved from 10 December 2025; never OTP templates;
 *                      needs {@code znsTemplateId}); false = by phone only
 */
public record NotificationTemplate(String key, List<String> params, String znsTemplateId, String oaText,
                                   boolean sendByUserId) {
    public NotificationTemplate {
        params = List.copyOf(params);
    }

    /** A template sent by phone only (approved before 10 December 2025, or an OTP template). */
    public NotificationTemplate(String key, List<String> params, String znsTemplateId, String oaText) {
        this(key, params, znsTemplateId, oaText, false);
    }
}
