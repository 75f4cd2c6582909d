package vn.smartprovince.appointments.store;

import static vn.smartprovince.appointments.store.AppointmentItems.*;
import static vn.smartprovince.shared.aws.Attributes.key;
import static vn.smartprovince.shared.aws.Attributes.n;
import static vn.smartprovince.shared.aws.Attributes.number;
import static vn.smartprovince.shared.aws.Attributes.text;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;
import vn.smartprovince.appointments.core.Appointment;
import vn.smartprovince.appointments.core.AppointmentStatus;
import vn.smartprovince.appointments.core.AppointmentStore;
import vn.smartprovince.appointments.core.SlotKey;
import vn.smartprovince.shared.aws.Transactions;
import vn.smartprovince.shared.http.PageCursor;
import vn.smartprovince.shared.notify.NotificationJob;
import vn.smartprovince.shared.notify.Outbox;
import vn.smartprovince.shared.stats.AppointmentCounterKeys;

/**
 * {@link AppointmentStore} on the main table ({@link AppointmentItems}). Each write is ONE
 * TransactWriteItems ({@link Transactions}): the booking (a Put conditional on the version read, or
 * on its absence), the slot's counter ({@code ADD taken 1} conditional on {@code taken < capacity};
 * {@code ADD taken -1} conditional on {@code taken > 0}), the citizen's open-bookings counter
 * ({@code open < max} / {@code open > 0}), the code's claim, the statistics (ADD) and the
 * notification jobs (outbox). DynamoDB serialises transactions on the same item, so the capacity
 * condition is exact under any number of concurrent bookings; which condition cancelled a
 * transaction decides the outcome.
 */
public final class DynamoDbAppointmentStore implements AppointmentStore {
    static final String MINE = "my-appointments";
    private static final Pattern MINE_SORT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}#[A-Za-z0-9_-]{1,64}");

    private final DynamoDbClient dynamo;
    private final String table;
    private final Outbox outbox;
    private final Clock clock;

    public DynamoDbAppointmentStore(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.outbox = new Outbox(table);
        this.clock = clock;
    }

    @Override
    public Outcome book(Appointment appointment, int capacity, int maxOpen, List<CounterDelta> counters,
                        List<NotificationJob> jobs) {
        if (appointment.status() != AppointmentStatus.BOOKED) {
            throw new IllegalArgumentException("a new booking is BOOKED");
        }
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(Transactions.put(table, appointmentItem(appointment), "attribute_not_exists(pk)"));
        items.add(Transactions.put(table, codeItem(appointment), "attribute_not_exists(pk)"));
        items.add(take(appointment.slot(), capacity));
        items.add(openChange(appointment.userId(), +1, maxOpen));
        jobs.forEach(job -> items.add(outbox.put(job)));
        items.addAll(counterUpdates(counters));
        List<CancellationReason> reasons = Transactions.write(dynamo, items);
        if (reasons == null) {
            return new Written(appointment);
        }
        if (Transactions.failed(reasons, 1)) {
            return new CodeTaken(appointment.code());
        }
        if (Transactions.failed(reasons, 3)) {
            return new TooManyOpen(maxOpen);
        }
        if (Transactions.failed(reasons, 2)) {
            return new SlotFull(appointment.slot());
        }
        if (Transactions.failed(reasons, 0)) {
            return new VersionConflict(get(appointment.id()).orElse(null));
        }
        throw new IllegalStateException("booking cancelled: " + Transactions.codes(reasons));
    }

    @Override
    public Outcome cancel(Appointment before, Appointment after, List<CounterDelta> counters, List<NotificationJob> jobs) {
        if (after.status() != AppointmentStatus.CANCELLED) {
            throw new IllegalArgumentException("a cancellation ends CANCELLED");
        }
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(replace(before, after));
        if (before.status().open()) {
            items.add(release(before.slot()));
            items.add(openChange(before.userId(), -1, 0));
        }
        jobs.forEach(job -> items.add(outbox.put(job)));
        items.addAll(counterUpdates(counters));
        return answer(after, Transactions.write(dynamo, items), "cancellation");
    }

    @Override
    public Outcome reschedule(Appointment before, Appointment after, int capacity, List<CounterDelta> counters,
                              List<NotificationJob> jobs) {
        if (before.status() != AppointmentStatus.BOOKED || after.status() != AppointmentStatus.BOOKED) {
            throw new IllegalArgumentException("only a BOOKED booking moves");
        }
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(replace(before, after));
        boolean moves = !before.slot().equals(after.slot());
        if (moves) {
            items.add(take(after.slot(), capacity));
            items.add(release(before.slot()));
        }
        jobs.forEach(job -> items.add(outbox.put(job)));
        items.addAll(counterUpdates(counters));
        List<CancellationReason> reasons = Transactions.write(dynamo, items);
        if (reasons != null && !Transactions.failed(reasons, 0) && moves && Transactions.failed(reasons, 1)) {
            return new SlotFull(after.slot());
        }
        return answer(after, reasons, "reschedule");
    }

    @Override
    public Outcome update(Appointment before, Appointment after, List<CounterDelta> counters, List<NotificationJob> jobs) {
        if (after.status() == AppointmentStatus.CANCELLED && before.status() != AppointmentStatus.CANCELLED) {
            return cancel(before, after, counters, jobs);
        }
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(replace(before, after));
        if (before.status().open() && !after.status().open()) {
            items.add(openChange(before.userId(), -1, 0));
        }
        jobs.forEach(job -> items.add(outbox.put(job)));
        items.addAll(counterUpdates(counters));
        return answer(after, Transactions.write(dynamo, items), "update");
    }

    private Outcome answer(Appointment after, List<CancellationReason> reasons, String what) {
        if (reasons == null) {
            return new Written(after);
        }
        if (Transactions.failed(reasons, 0)) {
            return new VersionConflict(get(after.id()).orElse(null));
        }
        // A give-back's condition (taken > 0, open > 0) failed: the counters disagree with the bookings.
        throw new IllegalStateException(what + " cancelled: " + Transactions.codes(reasons));
    }

    @Override
    public Optional<Appointment> get(String id) {
        var response = Transactions.call(() -> dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(appointmentKey(id), APPT))));
        return response.hasItem() && !response.item().isEmpty()
                ? Optional.of(appointment(response.item())) : Optional.empty();
    }

    @Override
    public Optional<Appointment> byCode(String code) {
        var response = Transactions.call(() -> dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(codeKey(code), CODE))));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        return get(text(response.item(), "appointmentId"));
    }

    @Override
    public Page mine(String userId, int limit, String cursor) {
        Map<String, AttributeValue> start = null;
        if (cursor != null) {
            String after = PageCursor.decode(cursor, MINE + "#" + userId, MINE_SORT);
            String id = after.substring(after.lastIndexOf('#') + 1);
            start = key(appointmentKey(id), APPT);
            start.put("gsi1pk", AttributeValue.fromS(userKey(userId)));
            start.put("gsi1sk", AttributeValue.fromS(after));
        }
        QueryRequest query = QueryRequest.builder().tableName(table).indexName("GSI1")
                .keyConditionExpression("gsi1pk = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(userKey(userId))))
                .scanIndexForward(false).exclusiveStartKey(start).limit(limit).build();
        QueryResponse response = Transactions.call(() -> dynamo.query(query));
        List<Map<String, AttributeValue>> items = response.items();
        boolean more = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() && !items.isEmpty();
        String next = more ? PageCursor.encode(MINE + "#" + userId, text(items.get(items.size() - 1), "gsi1sk")) : null;
        return new Page(items.stream().map(AppointmentItems::appointment).toList(), next);
    }

    @Override
    public List<Appointment> ofDay(String centreId, LocalDate date) {
        QueryRequest query = QueryRequest.builder().tableName(table).indexName("GSI2")
                .keyConditionExpression("gsi2pk = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(dayKey(centreId, date))))
                .scanIndexForward(true).build();
        return queryAll(query).stream().map(AppointmentItems::appointment).toList();
    }

    @Override
    public Map<SlotKey, Integer> taken(String centreId, LocalDate date) {
        QueryRequest query = QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(slotsKey(centreId, date))))
                .build();
        Map<SlotKey, Integer> taken = new LinkedHashMap<>();
        for (Map<String, AttributeValue> item : queryAll(query)) {
            int count = (int) number(item, "taken");
            if (count > 0) {
                String sk = text(item, "sk");
                int hash = sk.indexOf('#');
                taken.put(new SlotKey(centreId, date, LocalTime.parse(sk.substring(0, hash)), sk.substring(hash + 1)),
                        count);
            }
        }
        return taken;
    }

    @Override
    public Map<LocalDate, String> closures(String centreId, LocalDate from, LocalDate to) {
        QueryRequest query = QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :p AND sk BETWEEN :from AND :to")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(closureKey(centreId)),
                        ":from", AttributeValue.fromS(from.toString()), ":to", AttributeValue.fromS(to.toString())))
                .build();
        Map<LocalDate, String> closures = new TreeMap<>();
        for (Map<String, AttributeValue> item : queryAll(query)) {
            closures.put(LocalDate.parse(text(item, "sk")), text(item, "reason"));
        }
        return closures;
    }

    @Override
    public boolean close(String centreId, LocalDate date, String reason, String byUserId) {
        Map<String, AttributeValue> item = key(closureKey(centreId), date.toString());
        item.put("itemType", AttributeValue.fromS("APPT_CLOSURE"));
        item.put("reason", AttributeValue.fromS(reason));
        item.put("by", AttributeValue.fromS(byUserId));
        item.put("at", AttributeValue.fromS(clock.instant().toString()));
        try {
            Transactions.call(() -> dynamo.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk)")));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    // ------------------------------------------------------------------ transaction items

    private Map<String, AttributeValue> codeItem(Appointment a) {
        Map<String, AttributeValue> item = key(codeKey(a.code()), CODE);
        item.put("itemType", AttributeValue.fromS("APPT_CODE"));
        item.put("appointmentId", AttributeValue.fromS(a.id()));
        return item;
    }

    /** The booking's new state, conditional on the version read. */
    private TransactWriteItem replace(Appointment before, Appointment after) {
        if (!before.id().equals(after.id())) {
            throw new IllegalArgumentException("a change is of the same booking");
        }
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(appointmentItem(after))
                .conditionExpression("attribute_exists(pk) AND #version = :expected")
                .expressionAttributeNames(Map.of("#version", "version"))
                .expressionAttributeValues(Map.of(":expected", n(before.version())))).build();
    }

    /** One place more in the slot, unless all {@code capacity} are taken. */
    private TransactWriteItem take(SlotKey slot, int capacity) {
        return TransactWriteItem.builder().update(Update.builder().tableName(table).key(slotKey(slot))
                .updateExpression("SET itemType = :t ADD taken :one")
                .conditionExpression("attribute_not_exists(taken) OR taken < :capacity")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromS("APPT_SLOT"), ":one", n(1),
                        ":capacity", n(capacity))).build()).build();
    }

    /** One place given back. */
    private TransactWriteItem release(SlotKey slot) {
        return TransactWriteItem.builder().update(Update.builder().tableName(table).key(slotKey(slot))
                .updateExpression("ADD taken :minus").conditionExpression("taken > :zero")
                .expressionAttributeValues(Map.of(":minus", n(-1), ":zero", n(0))).build()).build();
    }

    /** +1 unless {@code max} are open already, or -1 (never below 0). */
    private TransactWriteItem openChange(String userId, int delta, int max) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":d", n(delta));
        String condition;
        if (delta > 0) {
            condition = "attribute_not_exists(#open) OR #open < :max";
            values.put(":max", n(max));
        } else {
            condition = "#open > :zero";
            values.put(":zero", n(0));
        }
        values.put(":t", AttributeValue.fromS("APPT_OPEN"));
        return TransactWriteItem.builder().update(Update.builder().tableName(table).key(key(openKey(userId), OPEN))
                .updateExpression("SET itemType = :t ADD #open :d").conditionExpression(condition)
                .expressionAttributeNames(Map.of("#open", "open")).expressionAttributeValues(values).build()).build();
    }

    /** One ADD update per counter item (a transaction may touch an item once). */
    private List<TransactWriteItem> counterUpdates(List<CounterDelta> deltas) {
        Map<List<String>, Map<String, Long>> byItem = new LinkedHashMap<>();
        for (CounterDelta delta : deltas) {
            String pk = AppointmentCounterKeys.centreKey(delta.centreId());
            for (String period : List.of(AppointmentCounterKeys.TOTAL, AppointmentCounterKeys.month(delta.month()))) {
                byItem.computeIfAbsent(List.of(pk, period), k -> new LinkedHashMap<>())
                        .merge(delta.field(), delta.amount(), Long::sum);
            }
        }
        List<TransactWriteItem> updates = new ArrayList<>();
        byItem.forEach((item, fields) ->
                updates.add(Transactions.add(table, key(item.get(0), item.get(1)), "APPOINTMENT_STATS", fields)));
        return updates;
    }

    private List<Map<String, AttributeValue>> queryAll(QueryRequest query) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Transactions.call(() -> {
            dynamo.queryPaginator(query).items().forEach(items::add);
            return null;
        });
        return items;
    }
}
