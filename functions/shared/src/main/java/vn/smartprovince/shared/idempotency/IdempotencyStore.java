package vn.smartprovince.shared.idempotency;

import java.time.Instant;
import java.util.Optional;

/**
 * Where Idempotency-Key records live: DynamoDB's IdempotencyTable in functions
 * ({@link DynamoDbIdempotencyStore}), a map in unit tests ({@link InMemoryIdempotencyStore}).
 * Implementations make {@link #putIfReplaceable} atomic; {@link Idempotency} holds the rules.
 */
public interface IdempotencyStore {

    /**
     * Writes {@code record} (INPROGRESS) unless a live record holds its id, atomically:
     * {@code attribute_not_exists(id) OR expiration < :now OR (status = INPROGRESS AND
     * inProgressExpiry < :nowMs)}.
     *
     * @return empty when the record was written (this execution owns the key), otherwise the record
     *         that prevented it when the store can tell (it may be missing or already replaceable when
     *         it changed in between: the caller tries again)
     */
    Optional<IdempotencyRecord> putIfReplaceable(IdempotencyRecord record, Instant now);

    /** Stores the COMPLETED record with its response (overwrites the INPROGRESS one). */
    void complete(IdempotencyRecord record);

    /**
     * Deletes the record after a failed execution so that a retry runs, but only while it is still
     * this execution's INPROGRESS record (same {@code executionId}): a completed record, or one an
     * execution took over after this one was abandoned, is never removed.
     */
    void release(IdempotencyRecord record);
}
