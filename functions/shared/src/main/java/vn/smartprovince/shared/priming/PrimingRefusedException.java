package vn.smartprovince.shared.priming;

/**
 * A call that would leave the process (a write to AWS, a Zalo call, a call to the one-stop system),
 * refused because {@link Priming#active()}: priming exercises the request path but never touches data.
 */
public final class PrimingRefusedException extends RuntimeException {
    private final String call;

    /** @param call what was refused, e.g. {@code DynamoDb.PutItem} (an operation's name, never data) */
    public PrimingRefusedException(String call) {
        super("refused during SnapStart priming: " + call);
        this.call = call;
        Priming.refused(call);
    }

    public String call() {
        return call;
    }

    /** The refusal behind {@code failure} (the SDK wraps what an interceptor throws), or null. */
    public static PrimingRefusedException in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PrimingRefusedException refused) {
                return refused;
            }
        }
        return null;
    }
}
