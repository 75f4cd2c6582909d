package vn.smartprovince.dossiers.onestop;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import vn.smartprovince.shared.lambda.StreamRecord;

/**
 * The outbound relay's rule, without AWS: of a batch of main-table stream records, each INSERT of a
 * timeline entry ({@code DOSSIER#<id>} / {@code EVENT#<n>}) becomes one message on
 * OneStopOutboundQueue, in stream order; everything else is ignored (the event source's filter drops
 * it on AWS already; the local runtime does not filter). When the province is not connected (no
 * base URL, or {@code oneStop.enabled} false) the entries are skipped and counted: they stay in the
 * timeline, and the first message after connecting sends a dossier's whole history.
 *
 * <p>At least once: a failed record is reported, and the stream retries from it, so messages after it
 * may be sent twice; the connector's cursor makes a duplicate harmless.
 */
final class OneStopRelay {
    private final OutboundQueue queue;
    private final BooleanSupplier connected;

    OneStopRelay(OutboundQueue queue, BooleanSupplier connected) {
        this.queue = queue;
        this.connected = connected;
    }

    /**
     * @param failedSequenceNumbers records to retry, in stream order
     * @param entries               timeline INSERTs among the records
     * @param skipped               entries not relayed because the province is not connected
     */
    record Result(List<String> failedSequenceNumbers, int records, int entries, int sent, int skipped) {
    }

    Result relay(List<StreamRecord> records) {
        List<StreamRecord> carriers = new ArrayList<>();
        List<OutboundMessage> messages = new ArrayList<>();
        for (StreamRecord record : records) {
            OutboundMessage message = record.isInsert() ? OutboundMessage.ofKeys(record.pk(), record.sk()) : null;
            if (message == null) {
                continue;
            }
            if (record.sequenceNumber() == null) {
                throw new IllegalArgumentException("a stream record without SequenceNumber");
            }
            carriers.add(record);
            messages.add(message);
        }
        if (messages.isEmpty()) {
            return new Result(List.of(), records.size(), 0, 0, 0);
        }
        if (!connected.getAsBoolean()) {
            return new Result(List.of(), records.size(), messages.size(), 0, messages.size());
        }
        List<Boolean> sent = queue.send(messages);
        List<String> failed = new ArrayList<>();
        int count = 0;
        for (int i = 0; i < messages.size(); i++) {
            if (sent.get(i)) {
                count++;
            } else {
                failed.add(carriers.get(i).sequenceNumber());
            }
        }
        return new Result(List.copyOf(failed), records.size(), messages.size(), count, 0);
    }
}
