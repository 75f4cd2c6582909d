package vn.smartprovince.notifications.webhook;

/** What of Zalo's events may appear in a log line: names and ids, bounded, never free text. */
final class LogText {
    private LogText() {
    }

    /** An event name as Zalo sent it, cut to 64 characters of {@code [A-Za-z0-9_.-]} (others become '?'). */
    static String name(String name) {
        if (name == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length() && out.length() < 64; i++) {
            char c = name.charAt(i);
            out.append(Character.isLetterOrDigit(c) && c < 128 || c == '_' || c == '.' || c == '-' ? c : '?');
        }
        return out.toString();
    }
}
