package vn.smartprovince.reports.core;

import java.util.regex.Pattern;
import vn.smartprovince.shared.idempotency.Idempotency;

/**
 * Report ids: {@code r} + 24 characters of lower-case base32 (120 bits). Random, or derived from
 * the citizen and the Idempotency-Key by the shared mechanism ({@link Idempotency#newId}, scope
 * {@code report}), so that every retry of one submission names the same report and the conditional
 * put lets exactly one of them create it.
 */
public final class Ids {
    private static final Pattern ID = Pattern.compile("r[a-z2-7]{24}");
    /** The scope of report ids in {@link Idempotency#newId}. */
    public static final String SCOPE = "report";

    private Ids() {
    }

    public static boolean valid(String id) {
        return id != null && ID.matcher(id).matches();
    }

    public static String random() {
        return Idempotency.randomId("r");
    }

    /** The id of the report one citizen's submission with this Idempotency-Key creates. */
    public static String forIdempotencyKey(String userId, String idempotencyKey) {
        return Idempotency.newId("r", SCOPE, userId, idempotencyKey);
    }
}
