package vn.smartprovince.shared.idempotency;

import java.time.Instant;
import java.util.Objects;
import vn.smartprovince.shared.http.HttpResponse;

/**
 * One Idempotency-Key's record in the store (Powertools' record, in our names).
 *
 * @param id                     hex SHA-256 of (route, caller, key): the table's key; the key itself is never stored
 * @param status                 {@link Status#INPROGRESS} while the first request runs, then {@link Status#COMPLETED}
 * @param expiration             epoch seconds after which the record is dead (the table's TTL attribute);
 *                               DynamoDB deletes late, so every reader treats an expired record as absent
 * @param inProgressExpiryMillis epoch milliseconds after which an INPROGRESS record is abandoned (its
 *                               function died or timed out) and a retry may take it over
 * @param payloadHash            hex SHA-256 of the normalised request (method, path, query, JSON body)
 * @param executionId            random id of the execution that wrote the record, so a late failure of an
 *                               abandoned execution never releases the record of the one that took over
 * @param response               the first answer, replayed to duplicates; null while INPROGRESS
 */
public record IdempotencyRecord(String id, Status status, long expiration, long inProgressExpiryMillis,
                                String payloadHash, String executionId, HttpResponse response) {

    public enum Status { INPROGRESS, COMPLETED }

    public IdempotencyRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(payloadHash, "payloadHash");
        Objects.requireNonNull(executionId, "executionId");
        if (status == Status.COMPLETED) {
            Objects.requireNonNull(response, "a COMPLETED record holds its response");
        }
    }

    /** Past {@link #expiration}: as good as deleted, whatever TTL has done so far. */
    public boolean isExpired(Instant now) {
        return expiration < now.getEpochSecond();
    }

    /** An INPROGRESS record whose execution ran out of time without completing or releasing it. */
    public boolean isAbandoned(Instant now) {
        return status == Status.INPROGRESS && inProgressExpiryMillis < now.toEpochMilli();
    }

    /**
     * Whether a new execution may overwrite this record at {@code now}: exactly the store's
     * conditional put {@code attribute_not_exists(id) OR expiration < :now OR (status = INPROGRESS
     * AND inProgressExpiry < :nowMs)}, for a record that exists.
     */
    public boolean isReplaceable(Instant now) {
        return isExpired(now) || isAbandoned(now);
    }

    public IdempotencyRecord completed(HttpResponse answer) {
        return new IdempotencyRecord(id, Status.COMPLETED, expiration, inProgressExpiryMillis, payloadHash, executionId,
                answer);
    }
}
