package vn.smartprovince.notifications.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.smartprovince.notifications.webhook.ZaloEvent.CitizenMessage;
import vn.smartprovince.notifications.webhook.ZaloEvent.FollowChange;

/** In-memory collaborators of the consumer's use case, with switchable failures. */
final class Fakes {
    private Fakes() {
    }

    static final class Ledger implements EventLedger {
        final Map<String, String> status = new HashMap<>();
        final Map<String, Instant> lockedUntil = new HashMap<>();
        final List<String> released = new ArrayList<>();
        RuntimeException failClaims;

        @Override
        public Claim claim(String key, String eventName, Instant now) {
            if (failClaims != null) {
                throw failClaims;
            }
            String current = status.get(key);
            if (current == null || current.equals("IN_PROGRESS") && lockedUntil.get(key).isBefore(now)) {
                status.put(key, "IN_PROGRESS");
                lockedUntil.put(key, now.plus(LOCK));
                return Claim.CLAIMED;
            }
            return current.equals("APPLIED") ? Claim.ALREADY_APPLIED : Claim.IN_PROGRESS;
        }

        @Override
        public void applied(String key, Instant now) {
            status.put(key, "APPLIED");
        }

        @Override
        public void release(String key) {
            released.add(key);
            status.remove(key);
        }
    }

    static final class Receipts implements DeliveryReceipts {
        final List<String> delivered = new ArrayList<>();
        int failuresLeft;

        @Override
        public void markDelivered(String zaloMsgId, Instant deliveredAt) {
            if (failuresLeft > 0) {
                failuresLeft--;
                throw new IllegalStateException("store unavailable");
            }
            delivered.add(zaloMsgId + "@" + deliveredAt);
        }
    }

    static final class Followers implements OaFollowers {
        final List<FollowChange> changes = new ArrayList<>();
        final List<String> interactions = new ArrayList<>();

        @Override
        public boolean record(FollowChange change, Instant now) {
            changes.add(change);
            return true;
        }

        @Override
        public void interacted(String userId, String followerId, Instant at, Instant now) {
            interactions.add(userId + "/" + followerId + "@" + at);
        }
    }

    static final class Inbox implements OaInbox {
        final List<CitizenMessage> kept = new ArrayList<>();

        @Override
        public boolean keep(CitizenMessage message, Instant now) {
            kept.add(message);
            return true;
        }
    }
}
