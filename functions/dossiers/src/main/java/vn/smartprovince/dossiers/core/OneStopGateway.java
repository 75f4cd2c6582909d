package vn.smartprovince.dossiers.core;

import java.util.Optional;

/**
 * The province's one-stop system (hệ thống thông tin giải quyết thủ tục hành chính), as the outbound
 * synchronisation and reconciliation see it. The adapter speaks the vendor's field names.
 */
public interface OneStopGateway {

    /** Sends one event; a duplicate (same event id) is accepted again. */
    Ack send(SyncEvent event);

    /** The one-stop system's copy of a dossier, or empty when it has none. */
    Optional<RemoteDossier> fetch(String dossierId);

    /** What became of an event. */
    sealed interface Ack {
    }

    /** 2xx: the one-stop system holds the event (also when it had it already). */
    record Accepted() implements Ack {
    }

    /**
     * 4xx: the one-stop system refused our payload; retrying the same event will not help.
     *
     * @param code the one-stop's answer code (its error code, or {@code HTTP_<status>})
     */
    record Refused(int httpStatus, String code) implements Ack {
    }

    /** Not reached, timed out, or 5xx: worth retrying. {@code reason} names the cause, no payload. */
    record Unavailable(String reason) implements Ack {
    }

    /** The gateway is not configured (no base URL): nothing can be sent. */
    final class NotConnectedException extends RuntimeException {
        public NotConnectedException() {
            super("the one-stop system is not connected (ONE_STOP_BASE_URL is empty)");
        }
    }
}
