package vn.smartprovince.notifications.dispatch.token;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** {@link OaTokenStore} in memory with the DynamoDB store's conditions. */
final class InMemoryOaTokenStore implements OaTokenStore {
    private Stored stored;
    final AtomicInteger reads = new AtomicInteger();

    @Override
    public synchronized Optional<Stored> read() {
        reads.incrementAndGet();
        return Optional.ofNullable(stored);
    }

    synchronized void set(Stored value) {
        stored = value;
    }

    synchronized Stored get() {
        return stored;
    }

    @Override
    public synchronized boolean seed(String access, String refresh, Instant expiresAt, String seedHash, Instant now) {
        if (stored != null) {
            return false;
        }
        stored = new Stored(access, refresh, expiresAt, 1, null, null, seedHash);
        return true;
    }

    @Override
    public synchronized boolean lease(long version, String owner, Instant until, Instant now) {
        if (stored == null || stored.version() != version || (stored.leaseUntil() != null && !stored.leaseUntil().isBefore(now))) {
            return false;
        }
        stored = new Stored(stored.accessToken(), stored.refreshToken(), stored.accessTokenExpiresAt(), version, owner,
                until, stored.seedHash());
        return true;
    }

    @Override
    public synchronized void release(long version, String owner) {
        if (stored != null && stored.version() == version && owner.equals(stored.leaseOwner())) {
            stored = new Stored(stored.accessToken(), stored.refreshToken(), stored.accessTokenExpiresAt(), version,
                    null, null, stored.seedHash());
        }
    }

    @Override
    public synchronized boolean replace(long version, String owner, String access, String refresh, Instant expiresAt,
                                        Instant now) {
        if (stored == null || stored.version() != version || !owner.equals(stored.leaseOwner())) {
            return false;
        }
        stored = new Stored(access, refresh, expiresAt, version + 1, null, null, stored.seedHash());
        return true;
    }

    @Override
    public synchronized boolean reseed(long version, String access, String refresh, Instant expiresAt, String seedHash,
                                       Instant now) {
        if (stored == null || stored.version() != version) {
            return false;
        }
        stored = new Stored(access, refresh, expiresAt, version + 1, null, null, seedHash);
        return true;
    }
}
