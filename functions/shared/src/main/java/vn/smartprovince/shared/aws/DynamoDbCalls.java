package vn.smartprovince.shared.aws;

import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import vn.smartprovince.shared.http.ApiException;

/**
 * The one classification of DynamoDB failures every repository uses: unreachable, failing (5xx)
 * or throttling is a 503 naming {@code dynamodb} (the client may retry); anything else
 * (a failed condition, a cancelled transaction, a malformed request, i.e. our bug) surfaces as it is.
 */
public final class DynamoDbCalls {
    private DynamoDbCalls() {
    }

    public static <T> T call(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (SdkClientException e) {
            throw ApiException.unavailable("dynamodb");
        } catch (DynamoDbException e) {
            if (unavailable(e)) {
                throw ApiException.unavailable("dynamodb");
            }
            throw e;
        }
    }

    /** DynamoDB failing or throttling rather than refusing the request. */
    public static boolean unavailable(DynamoDbException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return e.statusCode() >= 500 || e.isThrottlingException()
                || "ProvisionedThroughputExceededException".equals(code) || "RequestLimitExceeded".equals(code);
    }
}
