package vn.smartprovince.appointments.core;

/**
 * Where a booking stands. BOOKED holds a place in its slot; CANCELLED gives it back at once; the
 * others are what happened at the desk (or, for NO_SHOW, that nothing did).
 */
public enum AppointmentStatus {
    /** Holds one place of its slot; counts towards the citizen's open bookings. */
    BOOKED,
    /** The citizen arrived and was checked in by code at the centre. */
    CHECKED_IN,
    /** An officer called them to the counter (the wait ends). */
    SERVED,
    /** The slot passed without a check-in (marked by the desk, or by the nightly sweep). */
    NO_SHOW,
    /** Cancelled by the citizen, or by the centre (a closure). */
    CANCELLED;

    /** Whether it still counts as one of the citizen's open bookings. */
    public boolean open() {
        return this == BOOKED || this == CHECKED_IN;
    }
}
