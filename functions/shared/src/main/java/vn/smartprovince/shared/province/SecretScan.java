package vn.smartprovince.shared.province;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The province configuration never holds a secret: it is stored in the main table, exported,
 * diffed and shown to administrators. Secrets (the Zalo app secret, the OA key and tokens, the
 * signing key) live in Secrets Manager and the template passes their names.
 *
 * <p>Unknown keys are already errors; a key named like a secret gets this reason instead of a
 * "did you mean". Every string value is also checked for what a credential looks like: a PEM
 * block, a JWT, an AWS access key id, {@code secret=…}/{@code token: …}, a bearer token, or a
 * run of 24 or more letters and digits mixing upper case, lower case and digits (random tokens;
 * no Vietnamese word, code or numeric Zalo id looks like that).
 */
final class SecretScan {
    static final String KEY_EN = "unknown key, and named like a secret: the configuration never holds secrets"
            + " (put it in Secrets Manager; template.yaml passes its name)";
    static final String KEY_VI = "khoá không được hỗ trợ, và có tên như một bí mật: cấu hình không bao giờ chứa bí mật"
            + " (hãy lưu trong Secrets Manager; template.yaml truyền tên của nó)";

    private static final Pattern SECRET_KEY = Pattern.compile(
            ".*(secret|token|password|passwd|passphrase|private|credential|apikey|api_key|api-key|accesskey"
                    + "|access_key|signingkey|signing_key|oakey|oa_key|appkey|app_key).*");
    private static final Pattern[] SECRET_VALUE = {
        Pattern.compile("-----BEGIN [A-Z ]*(PRIVATE KEY|CERTIFICATE)-----"),
        Pattern.compile("\\beyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}"),
        Pattern.compile("\\b(AKIA|ASIA)[0-9A-Z]{16}\\b"),
        Pattern.compile("(?i)\\bbearer\\s+[A-Za-z0-9._~+/-]{16,}"),
        Pattern.compile("(?i)(secret|token|password|passwd|api[_-]?key|access[_-]?key)\\s*[:=]\\s*\\S{6,}"),
    };
    private static final Pattern TOKEN_RUN = Pattern.compile("[A-Za-z0-9+/_=-]{24,}");
    private static final Pattern UPPER = Pattern.compile("[A-Z]");
    private static final Pattern LOWER = Pattern.compile("[a-z]");
    private static final Pattern DIGIT = Pattern.compile("[0-9]");

    private SecretScan() {
    }

    static boolean secretLikeKey(String key) {
        return SECRET_KEY.matcher(key.toLowerCase(Locale.ROOT)).matches();
    }

    /** Whether a value looks like a credential (see the class comment). */
    static boolean secretLikeValue(String value) {
        for (Pattern pattern : SECRET_VALUE) {
            if (pattern.matcher(value).find()) {
                return true;
            }
        }
        var runs = TOKEN_RUN.matcher(value);
        while (runs.find()) {
            String run = runs.group();
            if (UPPER.matcher(run).find() && LOWER.matcher(run).find() && DIGIT.matcher(run).find()) {
                return true;
            }
        }
        return false;
    }

    /** Adds a problem for every string value of the document that looks like a credential. */
    static void values(JsonAt at, Problems problems) {
        switch (at.type()) {
            case OBJECT -> {
                for (Map.Entry<String, JsonAt.Member> member : at.members().entrySet()) {
                    values(member.getValue().value(), problems);
                }
            }
            case ARRAY -> at.items().forEach(item -> values(item, problems));
            case STRING -> {
                if (secretLikeValue(at.string())) {
                    problems.add(ConfigProblem.Kind.INVALID_VALUE, at,
                            "looks like a secret or token: the configuration never holds secrets"
                                    + " (put it in Secrets Manager; template.yaml passes its name)",
                            "trông như một bí mật hoặc token: cấu hình không bao giờ chứa bí mật"
                                    + " (hãy lưu trong Secrets Manager; template.yaml truyền tên của nó)");
                }
            }
            default -> { }
        }
    }
}
