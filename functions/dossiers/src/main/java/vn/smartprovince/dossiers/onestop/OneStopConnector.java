package vn.smartprovince.dossiers.onestop;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import vn.smartprovince.dossiers.core.Dossier;
import vn.smartprovince.dossiers.core.DossierStore;
import vn.smartprovince.dossiers.core.OneStopCursors;
import vn.smartprovince.dossiers.core.OneStopGateway;
import vn.smartprovince.dossiers.core.SyncEvent;
import vn.smartprovince.dossiers.core.TimelineEntry;
import vn.smartprovince.shared.log.JsonLog;
import vn.smartprovince.shared.province.ProvinceConfig;

/**
 * The outbound connector's rule: catch-up by cursor. For a message {@code (dossierId, sequence)}:
 * when the one-stop system acknowledged {@code sequence} already ({@code sent >= sequence}) it is a
 * duplicate; otherwise every entry from {@code sent + 1} to the latest is sent, in order, and after
 * each 2xx the cursor moves (conditionally on its previous value). So each dossier's events reach
 * the one-stop system in order, none skipped; a message that arrives late or twice finds the work
 * done.
 *
 * <p>A failed send (unreachable, timeout, 5xx) is tried 3 times (pauses of 200 and 400 ms), then the
 * message fails and SQS redelivers it; the cursor stays where the last acknowledged event left it.
 * A 4xx (our payload refused) is logged as an ERROR with the one-stop's answer code and fails the
 * message at once: after 10 receives it rests in the dead-letter queue, never silently dropped.
 */
final class OneStopConnector {
    static final int ATTEMPTS = 3;
    static final long[] PAUSES_MILLIS = {200, 400};
    /** Rounds after losing a cursor race to a concurrent consumer before the message is retried by SQS. */
    private static final int MAX_ROUNDS = 3;

    private final DossierStore dossiers;
    private final OneStopCursors cursors;
    private final Optional<OneStopGateway> gateway;
    private final Supplier<ProvinceConfig> config;
    private final Sleeper sleeper;

    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    OneStopConnector(DossierStore dossiers, OneStopCursors cursors, Optional<OneStopGateway> gateway,
                     Supplier<ProvinceConfig> config, Sleeper sleeper) {
        this.dossiers = dossiers;
        this.cursors = cursors;
        this.gateway = gateway;
        this.config = config;
        this.sleeper = sleeper;
    }

    /** What became of a message. */
    sealed interface Outcome {
        /** Whether the message is done (deleted from the queue). */
        default boolean done() {
            return !(this instanceof Failed) && !(this instanceof Refused);
        }
    }

    /** The one-stop acknowledged the sequence already. */
    record Duplicate() implements Outcome {
    }

    /** {@code events} sent now, the cursor at {@code sent}. */
    record Delivered(int events, int sent) implements Outcome {
    }

    /** Retry later ({@code events} of the catch-up were sent before the failure). */
    record Failed(String reason, int events) implements Outcome {
    }

    /** The one-stop refused an event (4xx). */
    record Refused(int sequence, int httpStatus, String code, int events) implements Outcome {
    }

    /** A dossier we do not have (deleted, or a forged message): nothing to send, logged. */
    record UnknownDossier() implements Outcome {
    }

    Outcome deliver(OutboundMessage message) {
        if (gateway.isEmpty()) {
            return new Failed("NOT_CONNECTED", 0);
        }
        int events = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            int sent = cursors.sent(message.dossierId());
            if (message.sequence() <= sent) {
                return events == 0 ? new Duplicate() : new Delivered(events, sent);
            }
            // The entries first, then the dossier: the dossier is then at least as new as the last entry.
            List<TimelineEntry> entries = cursors.timelineFrom(message.dossierId(), sent + 1);
            Optional<Dossier> found = dossiers.find(message.dossierId());
            if (found.isEmpty()) {
                return new UnknownDossier();
            }
            Dossier dossier = found.get();
            ProvinceConfig province = config.get();
            int expected = sent + 1;
            boolean raced = false;
            for (TimelineEntry entry : entries) {
                if (entry.version() != expected || entry.version() > dossier.version()) {
                    return new Failed("TIMELINE_GAP", events);      // not visible yet: try again later
                }
                SyncEvent event = SyncEvent.of(entry, dossier, province);
                OneStopGateway.Ack ack = sendWithRetries(event);
                if (ack instanceof OneStopGateway.Refused refused) {
                    Map<String, Object> fields = new LinkedHashMap<>();
                    fields.put("dossierId", message.dossierId());
                    fields.put("sequence", entry.version());
                    fields.put("httpStatus", refused.httpStatus());
                    fields.put("code", refused.code());
                    JsonLog.error("one-stop refused an event", fields, null);
                    return new Refused(entry.version(), refused.httpStatus(), refused.code(), events);
                }
                if (ack instanceof OneStopGateway.Unavailable unavailable) {
                    return new Failed(unavailable.reason(), events);
                }
                events++;
                if (!cursors.advance(message.dossierId(), expected - 1, expected)) {
                    raced = true;           // another consumer moved the cursor: start again from it
                    break;
                }
                expected++;
            }
            if (!raced) {
                int reached = expected - 1;
                return reached >= message.sequence() ? new Delivered(events, reached)
                        : new Failed("TIMELINE_GAP", events);
            }
        }
        return new Failed("CURSOR_CONTENDED", events);
    }

    private OneStopGateway.Ack sendWithRetries(SyncEvent event) {
        OneStopGateway.Ack ack = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            ack = gateway.get().send(event);
            if (!(ack instanceof OneStopGateway.Unavailable) || attempt == ATTEMPTS) {
                return ack;
            }
            try {
                sleeper.sleep(PAUSES_MILLIS[attempt - 1]);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ack;
            }
        }
        return ack;
    }
}
