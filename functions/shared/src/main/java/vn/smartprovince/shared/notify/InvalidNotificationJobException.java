package vn.smartprovince.shared.notify;

import java.util.List;

/**
 * A notification job that breaks the format: every problem named by field. A producer meeting this
 * has a bug; a consumer meeting it parks the message (it will never become valid) unless
 * {@link #unsupportedVersion()}, which means a newer producer than this consumer: deploy, then redrive.
 */
public class InvalidNotificationJobException extends IllegalArgumentException {
    private final List<String> problems;
    private final boolean unsupportedVersion;

    public InvalidNotificationJobException(List<String> problems, boolean unsupportedVersion) {
        super("invalid notification job: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
        this.unsupportedVersion = unsupportedVersion;
    }

    /** e.g. {@code "templateKey: must be UPPER_SNAKE_CASE, at most 40 characters"}; never a value. */
    public List<String> problems() {
        return problems;
    }

    public boolean unsupportedVersion() {
        return unsupportedVersion;
    }
}
