package vn.smartprovince.local.lambda;

/**
 * Invokes a function of the template synchronously, as Lambda's Invoke API does with
 * RequestResponse: the event goes in as JSON, the function's result comes back as JSON.
 * The HTTP server, the authorizer and the event source pollers all call functions through it.
 */
public interface FunctionInvoker {

    /**
     * @param functionId the function's logical id in template.yaml
     * @param event      the event JSON (UTF-8)
     * @return the function's result JSON (UTF-8); {@code null} result is the JSON {@code null}
     * @throws FunctionError when the function threw, timed out or could not be loaded
     */
    byte[] invoke(String functionId, byte[] event) throws FunctionError;

    /** A failed invocation, shaped like Lambda's error result. */
    final class FunctionError extends Exception {
        public enum Kind { UNHANDLED, TIMEOUT, INIT_FAILED, NOT_FOUND }

        private final Kind kind;
        private final String errorType;

        public FunctionError(Kind kind, String errorType, String message, Throwable cause) {
            super(message, cause);
            this.kind = kind;
            this.errorType = errorType;
        }

        public Kind kind() {
            return kind;
        }

        /** e.g. {@code java.lang.IllegalStateException}, or {@code Sandbox.Timedout}. */
        public String errorType() {
            return errorType;
        }
    }
}
