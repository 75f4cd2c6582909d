package vn.smartprovince.province.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import vn.smartprovince.province.core.AlertFanOutTask;
import vn.smartprovince.province.core.AlertQueues;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.notify.NotificationJob;

/**
 * AlertFanOutQueue and NotificationQueue through SQS. Jobs go 10 per SendMessageBatch (the SQS
 * maximum) with the {@code type} attribute the relay sets too; entries SQS refused are retried
 * once, then the whole page fails (the fan-out task is redelivered; the dispatcher's claim on the
 * deduplication key keeps the jobs already queued from being sent twice).
 */
public final class SqsAlertQueues implements AlertQueues {
    static final int BATCH = 10;
    private final SqsClient sqs;
    private final String fanOutUrl;
    private final String notificationUrl;

    public SqsAlertQueues(SqsClient sqs, String fanOutUrl, String notificationUrl) {
        this.sqs = sqs;
        this.fanOutUrl = fanOutUrl;
        this.notificationUrl = notificationUrl;
    }

    @Override
    public void fanOut(AlertFanOutTask task) {
        var body = Json.object().put("alertId", task.alertId()).put("areaCode", task.areaCode()).put("page", task.page());
        if (task.cursor() != null) {
            body.put("cursor", task.cursor());
        }
        try {
            sqs.sendMessage(b -> b.queueUrl(fanOutUrl).messageBody(Json.write(body)));
        } catch (SdkException e) {
            throw ApiException.unavailable("sqs");
        }
    }

    @Override
    public void notify(List<NotificationJob> jobs) {
        for (int from = 0; from < jobs.size(); from += BATCH) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            List<NotificationJob> batch = jobs.subList(from, Math.min(jobs.size(), from + BATCH));
            for (int i = 0; i < batch.size(); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i))
                        .messageBody(batch.get(i).toJson())
                        .messageAttributes(Map.of("type", MessageAttributeValue.builder().dataType("String")
                                .stringValue(batch.get(i).type()).build()))
                        .build());
            }
            send(entries, 2);
        }
    }

    private void send(List<SendMessageBatchRequestEntry> entries, int attempts) {
        SendMessageBatchResponse response;
        try {
            response = sqs.sendMessageBatch(b -> b.queueUrl(notificationUrl).entries(entries));
        } catch (SdkException e) {
            throw ApiException.unavailable("sqs");
        }
        if (response.hasFailed() && !response.failed().isEmpty()) {
            if (attempts <= 1) {
                throw ApiException.unavailable("sqs (" + response.failed().size() + " jobs refused)");
            }
            List<String> ids = response.failed().stream().map(f -> f.id()).toList();
            send(entries.stream().filter(e -> ids.contains(e.id())).toList(), attempts - 1);
        }
    }
}
