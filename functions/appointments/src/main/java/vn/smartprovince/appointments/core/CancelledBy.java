package vn.smartprovince.appointments.core;

/** Who cancelled a booking: the citizen, or the centre (a closure, told to the citizen). */
public enum CancelledBy {
    CITIZEN,
    CENTRE
}
