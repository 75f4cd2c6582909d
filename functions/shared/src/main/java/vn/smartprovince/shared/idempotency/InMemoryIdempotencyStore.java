package vn.smartprovince.shared.idempotency;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records in a map, with the same atomic rule as the DynamoDB table: for unit tests of handlers and
 * use cases that use {@link Idempotency} without AWS. Thread-safe.
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore {
    private final Map<String, IdempotencyRecord> records = new ConcurrentHashMap<>();

    @Override
    public Optional<IdempotencyRecord> putIfReplaceable(IdempotencyRecord record, Instant now) {
        IdempotencyRecord[] holder = new IdempotencyRecord[1];
        records.compute(record.id(), (id, existing) -> {
            if (existing == null || existing.isReplaceable(now)) {
                return record;
            }
            holder[0] = existing;
            return existing;
        });
        return Optional.ofNullable(holder[0]);
    }

    @Override
    public void complete(IdempotencyRecord record) {
        records.put(record.id(), record);
    }

    @Override
    public void release(IdempotencyRecord record) {
        records.computeIfPresent(record.id(), (id, existing) ->
                existing.status() == IdempotencyRecord.Status.INPROGRESS
                        && existing.executionId().equals(record.executionId()) ? null : existing);
    }

    /** The record stored under {@code id}, expired or not (as a table holds it until TTL deletes it). */
    public Optional<IdempotencyRecord> get(String id) {
        return Optional.ofNullable(records.get(id));
    }

    public int size() {
        return records.size();
    }
}
