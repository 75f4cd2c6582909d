package vn.smartprovince.identity.core;

import java.util.List;
import java.util.Optional;

/** The user items (DynamoDB in production, a map in unit tests). */
public interface Users {

    /** Strongly consistent: a role granted a moment ago is seen. */
    Optional<User> find(String zaloId);

    /** Creates the user; false when a user with this id already exists (a concurrent first sign-in). */
    boolean create(User user);

    /**
     * Writes {@code user} (its {@code version} and every attribute this design owns) if the stored
     * version is still {@code expectedVersion}; attributes other code added are left alone.
     *
     * @throws VersionConflict when the stored version moved on, or the user is gone
     */
    void update(User user, long expectedVersion);

    /**
     * {@link #update(User, long)} of {@code after} on {@code before}'s version; a store that keeps
     * statistics also moves the user between the birth-year counters when the birth year changed.
     */
    default void update(User before, User after) {
        update(after, before.version());
    }

    /**
     * Counts the user as active in the month of {@code at} (Vietnam time), once per user and month
     * (sign-in and session renewal call it). A store without statistics does nothing.
     */
    default void markActive(String zaloId, java.time.Instant at) {
    }

    /** Removes the user item; true when there was one. */
    boolean delete(String zaloId);

    /** The officers of an agency, ordered by Zalo id, a page at a time. */
    Page officersOf(String agencyId, String afterZaloId, int limit);

    record Page(List<User> users, String lastZaloId) {
    }

    final class VersionConflict extends RuntimeException {
        public VersionConflict() {
            super("the user item changed or is gone", null, false, false);
        }
    }
}
