package vn.smartprovince.reports.officer;

import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import vn.smartprovince.shared.http.ApiException;

/** DynamoDB unreachable or throttling: 503 {@code dynamodb} (as the core's store); anything else surfaces. */
final class Dynamo {
    private Dynamo() {
    }

    static <T> T call(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (SdkClientException e) {
            throw ApiException.unavailable("dynamodb");
        } catch (DynamoDbException e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            if (e.statusCode() >= 500 || e.isThrottlingException() || "ProvisionedThroughputExceededException".equals(code)
                    || "RequestLimitExceeded".equals(code)) {
                throw ApiException.unavailable("dynamodb");
            }
            throw e;
        }
    }
}
