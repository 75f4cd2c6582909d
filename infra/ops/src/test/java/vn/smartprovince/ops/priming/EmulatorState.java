package vn.smartprovince.ops.priming;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Everything the emulator holds that a function could change: every table's items, every queue's
 * attributes (message counts visible, in flight and delayed; anything a SetQueueAttributes would
 * change), every bucket's objects, every secret's versions. Two equal states: nothing was written.
 */
record EmulatorState(Map<String, List<String>> tables, Map<String, Map<String, String>> queues,
                     Map<String, List<String>> buckets, Map<String, String> secrets) {

    static EmulatorState read(DynamoDbClient dynamo, SqsClient sqs, S3Client s3, SecretsManagerClient secrets) {
        Map<String, List<String>> tables = new TreeMap<>();
        for (String table : dynamo.listTablesPaginator(b -> { }).tableNames()) {
            List<String> items = new ArrayList<>();
            dynamo.scanPaginator(b -> b.tableName(table).consistentRead(true)).items()
                    .forEach(item -> items.add(new TreeMap<>(item).toString()));
            items.sort(null);
            tables.put(table, items);
        }
        Map<String, Map<String, String>> queues = new TreeMap<>();
        for (String url : sqs.listQueuesPaginator(b -> { }).queueUrls()) {
            queues.put(url, new TreeMap<>(sqs.getQueueAttributes(b -> b.queueUrl(url)
                    .attributeNames(QueueAttributeName.ALL)).attributesAsStrings()));
        }
        Map<String, List<String>> buckets = new TreeMap<>();
        for (var bucket : s3.listBuckets().buckets()) {
            List<String> objects = new ArrayList<>();
            s3.listObjectsV2Paginator(b -> b.bucket(bucket.name())).contents()
                    .forEach(object -> objects.add(object.key() + " " + object.eTag() + " " + object.size()));
            objects.sort(null);
            buckets.put(bucket.name(), objects);
        }
        Map<String, String> versions = new TreeMap<>();
        secrets.listSecretsPaginator(b -> { }).stream().flatMap(page -> page.secretList().stream()).forEach(secret -> versions.put(secret.name(),
                secret.lastChangedDate() + " " + new TreeMap<>(secret.secretVersionsToStages())));
        return new EmulatorState(tables, queues, buckets, versions);
    }

    int items() {
        return tables.values().stream().mapToInt(List::size).sum();
    }
}
