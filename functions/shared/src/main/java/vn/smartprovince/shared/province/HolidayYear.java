package vn.smartprovince.shared.province;

import java.util.List;

/**
 * One year of the official calendar as the government announced it: days off (public holidays,
 * the Tết break, compensatory days off) and weekend days that are working days instead
 * (làm bù), which happen when the government swaps a bridge day.
 */
public record HolidayYear(int year, List<CalendarDay> holidays, List<CalendarDay> compensatoryWorkingDays) {
    public HolidayYear {
        holidays = List.copyOf(holidays);
        compensatoryWorkingDays = List.copyOf(compensatoryWorkingDays);
    }
}
