package vn.smartprovince.local.emulator;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import vn.smartprovince.shared.log.JsonLog;

/** Deletes what a bootstrap made, for emulators without moto's one-call reset (LocalStack, others). */
final class ResourceCleaner {
    private ResourceCleaner() {
    }

    static void delete(Emulator emulator, List<Emulator.CreatedResource> resources) {
        try (DynamoDbClient dynamoDb = emulator.dynamoDb(); SqsClient sqs = emulator.sqs(); S3Client s3 = emulator.s3()) {
            for (Emulator.CreatedResource resource : resources) {
                try {
                    switch (resource.type()) {
                        case StackBootstrap.TABLE -> deleteTable(dynamoDb, resource.name());
                        case StackBootstrap.QUEUE -> sqs.deleteQueue(b -> b.queueUrl(resource.name()));
                        case StackBootstrap.BUCKET -> deleteBucket(s3, resource.name());
                        default -> throw new IllegalStateException("unknown resource type " + resource.type());
                    }
                } catch (ResourceNotFoundException | QueueDoesNotExistException | NoSuchBucketException gone) {
                    // already deleted: what reset wants
                }
            }
        } catch (SdkException e) {
            throw new EmulatorException("could not reset " + emulator + ": " + e.getMessage(), e);
        }
        JsonLog.info("emulator reset", Map.of("endpoint", emulator.endpoint().toString(), "deleted", resources.size()));
    }

    private static void deleteTable(DynamoDbClient dynamoDb, String table) {
        dynamoDb.deleteTable(b -> b.tableName(table));
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                dynamoDb.describeTable(b -> b.tableName(table));
            } catch (ResourceNotFoundException gone) {
                return;
            }
            sleep(100);
        }
        throw new EmulatorException("table " + table + " was not deleted within 60 s");
    }

    private static void deleteBucket(S3Client s3, String bucket) {
        // Versions and delete markers too, so versioned buckets empty out.
        String keyMarker = null;
        String versionMarker = null;
        while (true) {
            String km = keyMarker;
            String vm = versionMarker;
            var page = s3.listObjectVersions(b -> b.bucket(bucket).keyMarker(km).versionIdMarker(vm));
            List<ObjectIdentifier> ids = new java.util.ArrayList<>();
            page.versions().forEach(v -> ids.add(ObjectIdentifier.builder().key(v.key()).versionId(v.versionId()).build()));
            page.deleteMarkers().forEach(m -> ids.add(ObjectIdentifier.builder().key(m.key()).versionId(m.versionId()).build()));
            if (!ids.isEmpty()) {
                s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(ids)));
            }
            if (!Boolean.TRUE.equals(page.isTruncated())) {
                break;
            }
            keyMarker = page.nextKeyMarker();
            versionMarker = page.nextVersionIdMarker();
        }
        s3.deleteBucket(b -> b.bucket(bucket));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmulatorException("interrupted");
        }
    }
}
