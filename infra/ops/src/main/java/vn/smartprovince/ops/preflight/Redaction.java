package vn.smartprovince.ops.preflight;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The last guard before anything is printed: every secret value the tool has read (and each
 * token inside the OA token pair) is replaced by {@code ***} wherever it appears in a line. The
 * checks never put a value in a message; this makes a slip harmless.
 */
public final class Redaction {
    /** Shorter strings would blank out ordinary words; no secret of the stack is this short. */
    static final int MIN_LENGTH = 6;
    private final List<String> values = new CopyOnWriteArrayList<>();

    public void add(String value) {
        if (value != null && value.strip().length() >= MIN_LENGTH) {
            values.add(value);
            if (!value.strip().equals(value)) {
                values.add(value.strip());
            }
            values.sort(Comparator.comparingInt(String::length).reversed());
        }
    }

    public String scrub(String line) {
        if (line == null) {
            return null;
        }
        String out = line;
        for (String value : values) {
            out = out.replace(value, "***");
        }
        return out;
    }

    CheckResult scrub(CheckResult result) {
        return new CheckResult(result.status(), scrub(result.name()), scrub(result.detail()), scrub(result.todo()));
    }
}
