package vn.smartprovince.notifications.dispatch.token;

import java.time.Instant;
import java.util.Optional;

/**
 * Where the OA token pair lives between invocations and across instances
 * ({@link DynamoDbOaTokenStore}: one item of the main table). Every write is conditional on the
 * pair's {@code version}, and a refresh on holding the lease, so exactly one refresher spends the
 * single-use refresh token.
 */
interface OaTokenStore {

    /**
     * The stored pair.
     *
     * @param accessTokenExpiresAt null when unknown (a seeded pair without its expiry: refreshed at first use)
     * @param leaseOwner           who is refreshing right now, or null
     * @param seedHash             SHA-256 (hex) of the secret value the chain started from
     */
    record Stored(String accessToken, String refreshToken, Instant accessTokenExpiresAt, long version,
                  String leaseOwner, Instant leaseUntil, String seedHash) {

        boolean leasedAt(Instant now) {
            return leaseOwner != null && leaseUntil != null && leaseUntil.isAfter(now);
        }

        @Override
        public String toString() {
            return "Stored[version=" + version + ", accessTokenExpiresAt=" + accessTokenExpiresAt + ", leaseOwner="
                    + leaseOwner + ", leaseUntil=" + leaseUntil + "]";
        }
    }

    /** The current pair (strongly consistent), empty before the first seeding. */
    Optional<Stored> read();

    /** Stores the first pair (version 1) unless one exists; false when another instance seeded first. */
    boolean seed(String accessToken, String refreshToken, Instant accessTokenExpiresAt, String seedHash, Instant now);

    /** Takes the refresh lease on {@code version} unless another holder's lease is still running. */
    boolean lease(long version, String owner, Instant until, Instant now);

    /** Gives the lease back (after a failed refresh), if still ours. */
    void release(long version, String owner);

    /**
     * The refreshed pair: version + 1, lease cleared; only while {@code owner} holds the lease on
     * {@code version}. False when the lease was lost.
     */
    boolean replace(long version, String owner, String accessToken, String refreshToken, Instant accessTokenExpiresAt,
                    Instant now);

    /** A new pair from the secret (an operator re-authorised the OA): version + 1, on {@code version} only. */
    boolean reseed(long version, String accessToken, String refreshToken, Instant accessTokenExpiresAt, String seedHash,
                   Instant now);
}
