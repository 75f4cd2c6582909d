package vn.smartprovince.local.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The {@link Context} a handler gets for one invocation, with the values Lambda would give:
 * function name and ARN, {@code $LATEST}, memory limit, a fresh request id, the time left
 * before the function's Timeout, its log group and the instance's log stream.
 */
public final class LocalContext implements Context {
    private final String awsRequestId;
    private final String functionName;
    private final String functionArn;
    private final int memoryLimitMb;
    private final long deadlineNanos;
    private final String logGroupName;
    private final String logStreamName;
    private final LambdaLogger logger;

    public LocalContext(String awsRequestId, String functionName, String functionArn, int memoryLimitMb,
                        long deadlineNanos, String logGroupName, String logStreamName) {
        this.awsRequestId = awsRequestId;
        this.functionName = functionName;
        this.functionArn = functionArn;
        this.memoryLimitMb = memoryLimitMb;
        this.deadlineNanos = deadlineNanos;
        this.logGroupName = logGroupName;
        this.logStreamName = logStreamName;
        this.logger = new StdoutLogger();
    }

    @Override
    public String getAwsRequestId() {
        return awsRequestId;
    }

    @Override
    public String getLogGroupName() {
        return logGroupName;
    }

    @Override
    public String getLogStreamName() {
        return logStreamName;
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return functionArn;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        long left = (deadlineNanos - System.nanoTime()) / 1_000_000;
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, left));
    }

    @Override
    public int getMemoryLimitInMB() {
        return memoryLimitMb;
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }

    /** Lambda's text-format logger: the message as written, one log event per call. */
    private static final class StdoutLogger implements LambdaLogger {
        @Override
        public void log(String message) {
            PrintStream out = System.out;
            synchronized (out) {
                out.print(message);
                if (!message.endsWith("\n")) {
                    out.println();
                }
                out.flush();
            }
        }

        @Override
        public void log(byte[] message) {
            log(new String(message, StandardCharsets.UTF_8));
        }
    }
}
