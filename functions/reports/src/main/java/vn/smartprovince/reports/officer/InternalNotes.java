package vn.smartprovince.reports.officer;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import vn.smartprovince.reports.Wiring;
import vn.smartprovince.reports.core.Actor;
import vn.smartprovince.reports.core.Ids;
import vn.smartprovince.reports.core.Report;
import vn.smartprovince.reports.core.ReportStore;
import vn.smartprovince.reports.core.Transitions;
import vn.smartprovince.reports.store.ReportItems;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.auth.Role;
import vn.smartprovince.shared.aws.DynamoDbCalls;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.BodyFields;
import vn.smartprovince.shared.http.ErrorCode;
import vn.smartprovince.shared.http.FieldError;
import vn.smartprovince.shared.idempotency.Idempotency;

/**
 * Officers' internal notes on a report: {@code REPORT#<id>} / {@code NOTE#<at>#<noteId>} items,
 * oldest first. Not transitions (no version, no history entry) and never part of any view a
 * citizen or the public gets: only the report's agency's officers, the triage desk and province
 * admins read or write them. The owner gets 403 ({@code ACTION_NOT_PERMITTED}), other citizens
 * 404, officers of another agency 403, as for actions.
 */
public final class InternalNotes {
    public static final int MAX_TEXT = 2_000;
    private static final Set<Actor> OFFICERS = Set.of(Actor.AGENCY_OFFICER, Actor.TRIAGE_OFFICER, Actor.PROVINCE_ADMIN);

    private final DynamoDbClient dynamo;
    private final String table;
    private final ReportStore store;
    private final Transitions transitions;
    private final Clock clock;

    public InternalNotes(DynamoDbClient dynamo, String table, ReportStore store, Transitions transitions, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.store = store;
        this.transitions = transitions;
        this.clock = clock;
    }

    /** As the note routes build it from the module's adapters ({@link Wiring}). */
    static InternalNotes of(Wiring wiring) {
        ReportStore store = wiring.reports();
        return new InternalNotes(wiring.dynamoDb(), wiring.table(), store,
                new Transitions(store, wiring.province(), wiring.clock()), wiring.clock());
    }

    public record Note(String id, String reportId, String authorId, String text, String at) {
    }

    public record NotePage(List<Note> items, String nextCursor) {
    }

    /** The report, if the caller works on it as an officer; 404/403 as the core's refusals otherwise. */
    Report authorize(Caller caller, String reportId) {
        Report report = Ids.valid(reportId) ? store.find(reportId).orElse(null) : null;
        if (report == null) {
            throw Transitions.notFound();
        }
        Set<Actor> actors = transitions.actorsOf(caller, report);
        if (actors.stream().anyMatch(OFFICERS::contains)) {
            return report;
        }
        if (caller.has(Role.OFFICER)) {
            throw Transitions.otherAgency();
        }
        if (actors.contains(Actor.OWNER)) {
            throw new ApiException(ErrorCode.FORBIDDEN, "ACTION_NOT_PERMITTED", List.of(new FieldError("action",
                    "ACTION_NOT_PERMITTED", "Ghi chú nội bộ chỉ dành cho cán bộ.", "Internal notes are for officers only.")),
                    Map.of(), null);
        }
        throw Transitions.notFound();
    }

    /** The note written, and whether it is the replay of an earlier request with the same Idempotency-Key. */
    public record Added(Note note, boolean replayed) {
    }

    /**
     * Writes a note. With an {@code Idempotency-Key} the note's id derives from (report, author,
     * key) and a {@code NOTEKEY#<noteId>} claim is put in the same transaction, so a retry never
     * writes a second note: it replays the first (the same text) or is refused (422
     * {@code IDEMPOTENCY_KEY_REUSED}, another text).
     */
    public Added add(Caller caller, String reportId, JsonNode body, String idempotencyKey) {
        return add(caller, reportId, () -> body, () -> idempotencyKey);
    }

    /** The same; the body and the key are read only once the caller is found to work on the report. */
    public Added add(Caller caller, String reportId, Supplier<JsonNode> body, Supplier<String> key) {
        Report report = authorize(caller, reportId);
        JsonNode json = body.get();
        String idempotencyKey = key.get();
        BodyFields fields = new BodyFields();
        fields.onlyFields(json, "", Set.of("text"));
        String text = fields.text(json, "text", "text", true, MAX_TEXT, true);
        fields.done();
        Instant at = clock.instant();
        // Scope "report" and caller "note\n<report>\n<author>": the ids notes had before the shared mechanism.
        String noteId = Idempotency.newId("n", Ids.SCOPE, "note\n" + report.id() + "\n" + caller.userId(),
                idempotencyKey);
        Note note = new Note(noteId, report.id(), caller.userId(), text, at.toString());
        Map<String, AttributeValue> item = new LinkedHashMap<>(ReportItems.key(ReportItems.reportKey(report.id()),
                sortKey(note)));
        item.put("itemType", AttributeValue.fromS("REPORT_NOTE"));
        item.put("noteId", AttributeValue.fromS(note.id()));
        item.put("reportId", AttributeValue.fromS(note.reportId()));
        item.put("authorId", AttributeValue.fromS(note.authorId()));
        item.put("text", AttributeValue.fromS(note.text()));
        item.put("at", AttributeValue.fromS(note.at()));
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk)").build()).build());
        Map<String, AttributeValue> claimKey = ReportItems.key(ReportItems.reportKey(report.id()), "NOTEKEY#" + noteId);
        if (idempotencyKey != null) {
            Map<String, AttributeValue> claim = new LinkedHashMap<>(claimKey);
            claim.put("itemType", AttributeValue.fromS("REPORT_NOTE_KEY"));
            claim.put("noteSk", AttributeValue.fromS(sortKey(note)));
            claim.put("textHash", AttributeValue.fromS(Idempotency.requestHash(text)));
            writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(claim)
                    .conditionExpression("attribute_not_exists(pk)").build()).build());
        }
        try {
            DynamoDbCalls.call(() -> dynamo.transactWriteItems(b -> b.transactItems(writes)));
            return new Added(note, false);
        } catch (TransactionCanceledException e) {
            if (idempotencyKey == null) {
                throw e;
            }
        }
        var claim = DynamoDbCalls.call(() -> dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(claimKey))).item();
        if (claim == null || claim.isEmpty()) {
            throw ApiException.unavailable("dynamodb"); // cancelled by a concurrent transaction: retry
        }
        Idempotency.checkSameRequest(claim.get("textHash").s(), Idempotency.requestHash(text));
        var first = DynamoDbCalls.call(() -> dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(ReportItems.key(ReportItems.reportKey(report.id()), claim.get("noteSk").s())))).item();
        return new Added(new Note(first.get("noteId").s(), first.get("reportId").s(), first.get("authorId").s(),
                first.get("text").s(), first.get("at").s()), true);
    }

    static String sortKey(Note note) {
        return "NOTE#" + note.at() + "#" + note.id();
    }

    /** Oldest first; {@code after} is the previous page's last sort key. */
    public ListResult list(Caller caller, String reportId, String after, int limit) {
        Report report = authorize(caller, reportId);
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", AttributeValue.fromS(ReportItems.reportKey(report.id())));
        String condition;
        if (after == null) {
            condition = "pk = :pk AND begins_with(sk, :n)";
            values.put(":n", AttributeValue.fromS("NOTE#"));
        } else {
            condition = "pk = :pk AND sk BETWEEN :after AND :end";
            values.put(":after", AttributeValue.fromS(after));
            values.put(":end", AttributeValue.fromS("NOTE#\uffff"));
        }
        QueryResponse response = DynamoDbCalls.call(() -> dynamo.query(b -> b.tableName(table).consistentRead(true)
                .keyConditionExpression(condition).expressionAttributeValues(values).limit(limit + 1)));
        List<Note> notes = new ArrayList<>();
        String last = null;
        for (Map<String, AttributeValue> item : response.items()) {
            String sk = item.get("sk").s();
            if (after != null && sk.compareTo(after) <= 0) {
                continue;
            }
            if (notes.size() == limit) {
                return new ListResult(notes, last);
            }
            notes.add(new Note(item.get("noteId").s(), item.get("reportId").s(), item.get("authorId").s(),
                    item.get("text").s(), item.get("at").s()));
            last = sk;
        }
        boolean more = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() && last != null;
        return new ListResult(notes, more ? last : null);
    }

    public record ListResult(List<Note> notes, String lastSortKey) {
    }
}
