package vn.smartprovince.dossiers.onestop;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import vn.smartprovince.shared.log.JsonLog;

/** OneStopOutboundQueue: {@code SendMessageBatch}, 10 small messages per request. */
interface OutboundQueue {

    /** Per message, in order: whether it is on the queue. */
    List<Boolean> send(List<OutboundMessage> messages);

    static OutboundQueue sqs(SqsClient sqs, String queueUrl) {
        return messages -> {
            List<Boolean> sent = new ArrayList<>(Collections.nCopies(messages.size(), false));
            for (int from = 0; from < messages.size(); from += 10) {
                int to = Math.min(messages.size(), from + 10);
                List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
                for (int i = from; i < to; i++) {
                    entries.add(SendMessageBatchRequestEntry.builder().id("m" + i)
                            .messageBody(messages.get(i).toJson()).build());
                }
                SendMessageBatchResponse response;
                try {
                    response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
                } catch (SdkException e) {
                    JsonLog.warn("one-stop outbound queue unavailable", Map.of("errorType", e.getClass().getName(),
                            "messages", to - from));
                    break;      // the rest is retried from the first failed record anyway
                }
                response.successful().forEach(ok -> sent.set(Integer.parseInt(ok.id().substring(1)), true));
                if (!response.failed().isEmpty()) {
                    JsonLog.warn("one-stop outbound messages not sent", Map.of("failed", response.failed().size(),
                            "code", response.failed().get(0).code()));
                    break;
                }
            }
            return sent;
        };
    }
}
