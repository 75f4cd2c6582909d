package vn.smartprovince.shared.aws;

import java.util.Set;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import vn.smartprovince.shared.priming.Priming;
import vn.smartprovince.shared.priming.PrimingRefusedException;

/**
 * On every client {@link AwsClients} builds: while {@link Priming#active()}, only the reads below
 * reach AWS; anything else is refused with {@link PrimingRefusedException}. It refuses in
 * {@code beforeTransmission}, after the request was marshalled and signed, so a refused write
 * still loads and warms everything up to the wire. An allow-list rather than a deny-list: an
 * operation added to the code later is refused until someone decides it only reads.
 */
final class PrimingGuard implements ExecutionInterceptor {
    static final PrimingGuard INSTANCE = new PrimingGuard();

    /** {@code <service name>.<operation>}, as the SDK's execution attributes name them. */
    static final Set<String> READS = Set.of(
            "DynamoDb.GetItem", "DynamoDb.BatchGetItem", "DynamoDb.TransactGetItems", "DynamoDb.Query",
            "DynamoDb.Scan", "DynamoDb.DescribeTable",
            "Sqs.GetQueueUrl", "Sqs.GetQueueAttributes",
            "S3.HeadObject", "S3.GetObject", "S3.HeadBucket", "S3.ListObjectsV2",
            "SecretsManager.GetSecretValue", "SecretsManager.DescribeSecret");

    private PrimingGuard() {
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (!Priming.active()) {
            return;
        }
        String operation = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "."
                + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        if (!READS.contains(operation)) {
            throw new PrimingRefusedException(operation);
        }
    }
}
