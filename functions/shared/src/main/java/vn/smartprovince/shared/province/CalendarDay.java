package vn.smartprovince.shared.province;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.LocalDate;

/** A named day of the holiday calendar; written to JSON as {@code YYYY-MM-DD}. */
public record CalendarDay(@JsonSerialize(using = ToStringSerializer.class) LocalDate date, String name) {
}
