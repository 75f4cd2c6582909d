package vn.smartprovince.shared.province;

/**
 * The province's rules for appointments at the desk (the {@code appointments} object of the file).
 *
 * @param maxOpenPerCitizen   bookings a citizen may hold at once (booked, not yet past): stops hoarding
 * @param cancelCutoffMinutes until how long before the slot a citizen may cancel or reschedule
 * @param bookingHorizonDays  how far ahead slots can be booked
 */
public record AppointmentRules(int maxOpenPerCitizen, int cancelCutoffMinutes, int bookingHorizonDays) {
    public static final AppointmentRules DEFAULT = new AppointmentRules(3, 120, 30);
}
