package vn.smartprovince.appointments.core;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import vn.smartprovince.shared.notify.NotificationJob;

/**
 * The store's port in memory, for the desk's and the reminders' use-case tests: version
 * conditions as the table's, the statistics deltas and jobs each write carried, and closures.
 */
public final class DeskFakeStore implements AppointmentStore {
    public final Map<String, Appointment> byId = new LinkedHashMap<>();
    public final List<CounterDelta> counters = new ArrayList<>();
    public final List<NotificationJob> jobs = new ArrayList<>();
    public final Map<String, Map<LocalDate, String>> closed = new HashMap<>();
    /** Set to make the next write lose a race (a concurrent change bumped the version). */
    public Appointment raceWith;

    public Appointment put(Appointment appointment) {
        byId.put(appointment.id(), appointment);
        return appointment;
    }

    /** A booking made at {@code createdAt}'s instant, version 1. */
    public static Appointment booked(String id, String userId, String centreId, String counterId, LocalDate date,
                                     LocalTime start) {
        java.time.Instant at = date.minusDays(3).atStartOfDay(AppointmentCounters.ZONE).toInstant();
        return new Appointment(id, ("K" + id + "XXXXXX").substring(0, 6).toUpperCase(java.util.Locale.ROOT), userId, centreId, counterId,
                "1.001193.000.00.00.H56", date, start, start.plusMinutes(15), null, AppointmentStatus.BOOKED, null,
                null, at, at, null, null, null, 1);
    }

    public long counted(String field) {
        return counters.stream().filter(c -> c.field().equals(field)).mapToLong(CounterDelta::amount).sum();
    }

    private Outcome write(Appointment before, Appointment after, List<CounterDelta> deltas, List<NotificationJob> news) {
        if (raceWith != null) {
            byId.put(raceWith.id(), raceWith);
            raceWith = null;
        }
        Appointment current = byId.get(before.id());
        if (current == null || current.version() != before.version()) {
            return new VersionConflict(current);
        }
        byId.put(after.id(), after);
        counters.addAll(deltas);
        jobs.addAll(news);
        return new Written(after);
    }

    @Override
    public Outcome book(Appointment appointment, int capacity, int maxOpen, List<CounterDelta> deltas,
                        List<NotificationJob> news) {
        byId.put(appointment.id(), appointment);
        counters.addAll(deltas);
        jobs.addAll(news);
        return new Written(appointment);
    }

    @Override
    public Outcome cancel(Appointment before, Appointment after, List<CounterDelta> deltas, List<NotificationJob> news) {
        return write(before, after, deltas, news);
    }

    @Override
    public Outcome reschedule(Appointment before, Appointment after, int capacity, List<CounterDelta> deltas,
                              List<NotificationJob> news) {
        return write(before, after, deltas, news);
    }

    @Override
    public Outcome update(Appointment before, Appointment after, List<CounterDelta> deltas, List<NotificationJob> news) {
        return write(before, after, deltas, news);
    }

    @Override
    public Optional<Appointment> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<Appointment> byCode(String code) {
        return byId.values().stream().filter(a -> a.code().equals(code)).findFirst();
    }

    @Override
    public Page mine(String userId, int limit, String cursor) {
        return new Page(byId.values().stream().filter(a -> a.userId().equals(userId)).toList(), null);
    }

    @Override
    public List<Appointment> ofDay(String centreId, LocalDate date) {
        return byId.values().stream().filter(a -> a.centreId().equals(centreId) && a.date().equals(date))
                .sorted(Comparator.comparing(Appointment::start).thenComparing(Appointment::counterId)).toList();
    }

    @Override
    public Map<SlotKey, Integer> taken(String centreId, LocalDate date) {
        return Map.of();
    }

    @Override
    public Map<LocalDate, String> closures(String centreId, LocalDate from, LocalDate to) {
        return new TreeMap<>(closed.getOrDefault(centreId, Map.of())).subMap(from, true, to, true);
    }

    @Override
    public boolean close(String centreId, LocalDate date, String reason, String byUserId) {
        return closed.computeIfAbsent(centreId, c -> new HashMap<>()).putIfAbsent(date, reason) == null;
    }
}
