package vn.smartprovince.appointments.booking;

import vn.smartprovince.appointments.Wiring;

/** The booking use case from the module's wiring. */
final class BookingWiring {
    private BookingWiring() {
    }

    static Bookings bookings(Wiring wiring) {
        return new Bookings(wiring.appointments(), wiring.dossierOwners(), wiring.clock());
    }
}
