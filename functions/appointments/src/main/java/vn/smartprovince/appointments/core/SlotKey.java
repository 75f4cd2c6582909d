package vn.smartprovince.appointments.core;

import java.time.LocalDate;
import java.time.LocalTime;

/** One bookable place-holder: a counter of a centre at a start time on a day (Vietnam time). */
public record SlotKey(String centreId, LocalDate date, LocalTime start, String counterId) {
}
