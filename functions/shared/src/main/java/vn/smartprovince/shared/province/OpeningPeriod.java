package vn.smartprovince.shared.province;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.LocalTime;

/** A period a service centre is open on a weekday, Vietnam time: {@code from} inclusive, {@code to} exclusive; written to JSON as {@code HH:mm}. */
public record OpeningPeriod(@JsonSerialize(using = ToStringSerializer.class) LocalTime from,
                            @JsonSerialize(using = ToStringSerializer.class) LocalTime to) {
}
