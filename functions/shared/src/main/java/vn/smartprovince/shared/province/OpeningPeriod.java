package vn.smartprovince.shared.province;

import java.time.LocalTime;

/** A period a service centre is open on a weekday, Vietnam time: {@code from} inclusive, {@code to} exclusive. */
public record OpeningPeriod(LocalTime from, LocalTime to) {
}
