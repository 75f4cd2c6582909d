package vn.smartprovince.province.alerts;

import java.util.regex.Pattern;

/**
 * The rules of a ZBS template's text (public-services.md, "Zalo messaging since 2026") applied to an
 * alert's title and message: no links and no bare phone numbers (the mini app shows buttons
 * instead). Short emergency numbers (113, 114, 115, 1022) are not phone numbers and pass.
 */
final class AlertText {
    static final Pattern LINK = Pattern.compile(
            "(?i)(https?://|www\\.|\\b[a-z0-9-]+\\.(vn|com|net|org|gov|info|io|me|ly)\\b)");
    /** 8 or more digits, possibly grouped by spaces, dots or dashes, optionally after +. */
    static final Pattern PHONE = Pattern.compile("(?<![0-9])\\+?[0-9](?:[ .-]?[0-9]){7,}(?![0-9])");

    private AlertText() {
    }

    static boolean hasLink(String text) {
        return LINK.matcher(text).find();
    }

    static boolean hasPhoneNumber(String text) {
        return PHONE.matcher(text).find();
    }
}
