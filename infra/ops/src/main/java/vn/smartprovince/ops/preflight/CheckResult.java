package vn.smartprovince.ops.preflight;

/**
 * One line of the preflight: a check's outcome, its name, what was found, and on failure what to do.
 */
public record CheckResult(Status status, String name, String detail, String todo) {
    public enum Status { PASS, FAIL, SKIP }

    public static CheckResult pass(String name, String detail) {
        return new CheckResult(Status.PASS, name, detail, null);
    }

    public static CheckResult fail(String name, String detail, String todo) {
        return new CheckResult(Status.FAIL, name, detail, todo);
    }

    public static CheckResult skip(String name, String reason) {
        return new CheckResult(Status.SKIP, name, reason, null);
    }

    /** {@code PASS  name: detail}, and for a failure {@code -> do: todo}. */
    public String line() {
        StringBuilder text = new StringBuilder(String.format("%-4s  %s", status, name));
        if (detail != null && !detail.isEmpty()) {
            text.append(": ").append(detail);
        }
        if (todo != null && !todo.isEmpty()) {
            text.append("  -> do: ").append(todo);
        }
        return text.toString();
    }
}
