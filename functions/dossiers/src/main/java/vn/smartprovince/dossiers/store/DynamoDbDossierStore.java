package vn.smartprovince.dossiers.store;

import static vn.smartprovince.dossiers.store.DossierItems.*;
import static vn.smartprovince.shared.aws.Attributes.n;
import static vn.smartprovince.shared.aws.Attributes.number;
import static vn.smartprovince.shared.aws.Attributes.text;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;
import vn.smartprovince.dossiers.core.CounterDelta;
import vn.smartprovince.dossiers.core.Dossier;
import vn.smartprovince.dossiers.core.DossierStatus;
import vn.smartprovince.dossiers.core.DossierStore;
import vn.smartprovince.dossiers.core.InternalNote;
import vn.smartprovince.dossiers.core.TimelineEntry;
import vn.smartprovince.shared.aws.Transactions;
import vn.smartprovince.shared.http.PageCursor;
import vn.smartprovince.shared.notify.NotificationJob;
import vn.smartprovince.shared.notify.Outbox;

/**
 * {@link DossierStore} on the main table ({@link DossierItems}). Every change is one
 * TransactWriteItems ({@link Transactions}): the dossier (a Put conditional on the version read),
 * its timeline entry ({@code attribute_not_exists}), its notification jobs (outbox), its counters
 * (ADD) and, at receipt, the agency's day sequence (conditional on the value read) and the code's
 * claim ({@code attribute_not_exists}). Which condition cancelled it decides the answer: the
 * dossier's (or anything derived from its version) is a {@link VersionConflict}, the sequence's or
 * the code's a {@link SequenceTaken}.
 */
public final class DynamoDbDossierStore implements DossierStore {
    static final String MINE = "my-dossiers";
    static final String QUEUE = "agency-queue";
    private static final Pattern MINE_SORT = Pattern.compile("[0-9T:.Z-]{10,40}#[A-Za-z0-9_-]{1,64}");
    private static final Pattern QUEUE_SORT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}#[0-9T:.Z-]{10,40}#[A-Za-z0-9_-]{1,64}");

    private final DynamoDbClient dynamo;
    private final String table;
    private final Outbox outbox;

    public DynamoDbDossierStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
        this.outbox = new Outbox(table);
    }

    @Override
    public CreateResult create(Dossier dossier, TimelineEntry entry, List<NotificationJob> jobs, List<CounterDelta> counters) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(Transactions.put(table, withoutNulls(dossierItem(dossier)), "attribute_not_exists(pk)"));
        items.add(Transactions.put(table, eventItem(entry), "attribute_not_exists(pk)"));
        jobs.forEach(job -> items.add(outbox.put(job)));
        items.addAll(counterUpdates(counters));
        List<CancellationReason> reasons = Transactions.write(dynamo, items);
        if (reasons == null) {
            return new Created(dossier);
        }
        if (Transactions.failed(reasons, 0)) {
            Optional<Dossier> existing = find(dossier.id());
            if (existing.isPresent()) {
                return new DuplicateId(existing.get());
            }
        }
        throw new IllegalStateException("submission cancelled: " + Transactions.codes(reasons));
    }

    @Override
    public Optional<Dossier> find(String id) {
        var response = Transactions.call(() -> dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(dossierKey(id), DOSSIER))));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(dossier(response.item())) : Optional.empty();
    }

    @Override
    public Optional<String> idForCode(String code) {
        var response = Transactions.call(() -> dynamo.getItem(b -> b.tableName(table).key(key(codeKey(code), CODE))));
        return response.hasItem() && !response.item().isEmpty() ? Optional.ofNullable(text(response.item(), "dossierId"))
                : Optional.empty();
    }

    @Override
    public UpdateResult update(Change change) {
        Dossier before = change.before();
        Dossier after = change.after();
        if (after.version() != before.version() + 1 || !after.id().equals(before.id())) {
            throw new IllegalArgumentException("a change is the next version of the same dossier");
        }
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(withoutNulls(dossierItem(after)))
                .conditionExpression("attribute_exists(pk) AND #version = :expected")
                .expressionAttributeNames(Map.of("#version", "version"))
                .expressionAttributeValues(Map.of(":expected", n(before.version())))).build());
        items.add(Transactions.put(table, eventItem(change.entry()), "attribute_not_exists(pk)"));
        int sequenceAt = -1;
        SequenceClaim claim = change.sequence();
        if (claim != null) {
            if (after.code() == null) {
                throw new IllegalArgumentException("a sequence claim assigns the dossier's code");
            }
            sequenceAt = items.size();
            items.add(sequenceUpdate(claim));
            items.add(Transactions.put(table, codeItem(after.code(), after.id()), "attribute_not_exists(pk)"));
        }
        change.jobs().forEach(job -> items.add(outbox.put(job)));
        items.addAll(counterUpdates(change.counters()));
        List<CancellationReason> reasons = Transactions.write(dynamo, items);
        if (reasons == null) {
            return new Updated(after);
        }
        // The dossier's condition first: when it failed, someone changed the dossier (whatever else
        // failed with it). Otherwise a failed sequence or code claim is another receipt's number.
        if (!Transactions.failed(reasons, 0) && sequenceAt >= 0) {
            if (Transactions.failed(reasons, sequenceAt)) {
                return new SequenceTaken();
            }
            if (Transactions.failed(reasons, sequenceAt + 1)) {
                // The day counter agreed but the code is claimed: the counter was reset or edited by
                // hand. Retrying would loop; an operator must look.
                throw new IllegalStateException("dossier code " + after.code() + " already claimed");
            }
        }
        // The entry EVENT#<version> and the jobs <id>#v<version>#... derive from the version read too.
        Dossier current = find(after.id()).orElseThrow(
                () -> new IllegalStateException("change cancelled, dossier gone: " + Transactions.codes(reasons)));
        return new VersionConflict(current);
    }

    private TransactWriteItem sequenceUpdate(SequenceClaim claim) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":next", n(claim.next()));
        values.put(":t", AttributeValue.fromS("DOSSIER_SEQUENCE"));
        String condition;
        if (claim.previous() == 0) {
            condition = "attribute_not_exists(pk)";
        } else {
            condition = "#last = :previous";
            values.put(":previous", n(claim.previous()));
        }
        return TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(key(sequenceKey(claim.unitCode(), claim.day()), SEQ))
                .updateExpression("SET #last = :next, itemType = :t").conditionExpression(condition)
                .expressionAttributeNames(Map.of("#last", "last")).expressionAttributeValues(values).build()).build();
    }

    @Override
    public long lastSequence(String unitCode, LocalDate day) {
        var response = Transactions.call(() -> dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(sequenceKey(unitCode, day), SEQ))));
        return response.hasItem() ? number(response.item(), "last") : 0;
    }

    @Override
    public List<TimelineEntry> timeline(String dossierId) {
        return under(dossierId, "EVENT#").stream().map(DossierItems::event).toList();
    }

    @Override
    public Page ofApplicant(String userId, String cursor, int limit) {
        Map<String, AttributeValue> start = null;
        if (cursor != null) {
            String after = PageCursor.key(cursor, MINE + "#" + userId, MINE_SORT);
            start = startKey(after, "gsi1pk", applicantKey(userId), "gsi1sk");
        }
        QueryRequest query = QueryRequest.builder().tableName(table).indexName("GSI1")
                .keyConditionExpression("gsi1pk = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(applicantKey(userId))))
                .scanIndexForward(false).exclusiveStartKey(start).limit(limit).build();
        return page(query, MINE, userId, "gsi1sk");
    }

    @Override
    public Page queue(String agencyId, DossierStatus status, LocalDate dueBefore, String cursor, int limit) {
        String owner = agencyId + "#" + status.name() + "#" + (dueBefore == null ? "" : dueBefore);
        Map<String, AttributeValue> start = null;
        if (cursor != null) {
            String after = PageCursor.key(cursor, QUEUE + "#" + owner, QUEUE_SORT);
            start = startKey(after, "gsi2pk", queueKey(agencyId, status), "gsi2sk");
        }
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":p", AttributeValue.fromS(queueKey(agencyId, status)));
        String condition = "gsi2pk = :p";
        if (dueBefore != null) {
            condition += " AND gsi2sk < :d";
            values.put(":d", AttributeValue.fromS(dueBefore.toString()));
        }
        QueryRequest query = QueryRequest.builder().tableName(table).indexName("GSI2")
                .keyConditionExpression(condition).expressionAttributeValues(values)
                .scanIndexForward(true).exclusiveStartKey(start).limit(limit).build();
        return page(query, QUEUE, owner, "gsi2sk");
    }

    private static Map<String, AttributeValue> startKey(String sortKey, String indexPk, String indexPkValue, String indexSk) {
        String id = sortKey.substring(sortKey.lastIndexOf('#') + 1);
        Map<String, AttributeValue> start = new HashMap<>(key(dossierKey(id), DOSSIER));
        start.put(indexPk, AttributeValue.fromS(indexPkValue));
        start.put(indexSk, AttributeValue.fromS(sortKey));
        return start;
    }

    private Page page(QueryRequest query, String list, String owner, String sortAttribute) {
        QueryResponse response = Transactions.call(() -> dynamo.query(query));
        List<Map<String, AttributeValue>> items = response.items();
        List<Dossier> dossiers = items.stream().map(DossierItems::dossier).toList();
        boolean more = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() && !items.isEmpty();
        String next = more ? PageCursor.encode(list + "#" + owner, text(items.get(items.size() - 1), sortAttribute)) : null;
        return new Page(dossiers, next);
    }

    @Override
    public void addNote(InternalNote note) {
        Transactions.call(() -> dynamo.putItem(b -> b.tableName(table).item(noteItem(note))
                .conditionExpression("attribute_not_exists(pk)")));
    }

    @Override
    public List<InternalNote> notes(String dossierId) {
        return under(dossierId, "NOTE#").stream().map(DossierItems::note).toList();
    }

    private List<Map<String, AttributeValue>> under(String dossierId, String prefix) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        QueryRequest query = QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(dossierKey(dossierId)),
                        ":prefix", AttributeValue.fromS(prefix)))
                .build();
        Transactions.call(() -> {
            dynamo.queryPaginator(query).items().forEach(items::add);
            return null;
        });
        return items;
    }

    /** One ADD update per counter item (a transaction may touch an item once). */
    private List<TransactWriteItem> counterUpdates(List<CounterDelta> deltas) {
        Map<List<String>, Map<String, Long>> byItem = new LinkedHashMap<>();
        for (CounterDelta delta : deltas) {
            byItem.computeIfAbsent(List.of(delta.partitionKey(), delta.period()), k -> new LinkedHashMap<>())
                    .merge(delta.field(), delta.amount(), Long::sum);
        }
        List<TransactWriteItem> updates = new ArrayList<>();
        byItem.forEach((item, fields) ->
                updates.add(Transactions.add(table, key(item.get(0), item.get(1)), "DOSSIER_STATS", fields)));
        return updates;
    }
}
