package vn.smartprovince.reports.officer;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import vn.smartprovince.reports.core.Report;
import vn.smartprovince.reports.core.ReportStatus;
import vn.smartprovince.reports.store.ReportItems;
import vn.smartprovince.shared.aws.DynamoDbCalls;
import vn.smartprovince.shared.province.WorkingDays;

/**
 * An agency's queue: GSI2 {@code AGENCY#<agency>#QUEUE#<status>} / {@code <deadline>#<createdAt>#<id>},
 * one Query per status asked for, merged by that sort key (deadline first; it is unique, since it
 * ends with the report id, so "after key k" is an exact position across every status).
 *
 * <p><b>Filters and pagination.</b> {@code overdue} is a key condition ({@code gsi2sk < <today>}:
 * a deadline before today in Vietnam; the deadline day itself is not overdue). Category and area
 * are a FilterExpression, which DynamoDB applies AFTER reading a page, so a Query page may hold
 * fewer matches than asked. Each status stream is therefore read page after page until it
 * holds {@code limit} matches, is exhausted, or has spent its read budget ({@link #PAGES_PER_STATUS}
 * pages). The merge then only trusts keys up to the smallest position where a budget-stopped
 * stream stopped (beyond it that stream may still hold smaller matches): the page holds the
 * matches up to that position, at most {@code limit}, and the cursor continues after the last
 * key returned, or after that position when the page is short. So a page is never wrong or
 * missing an item; with a rare filter it may be short (even empty) with a {@code nextCursor},
 * as DynamoDB's own filtered pages are. A report changing status while someone pages may show
 * twice or not at all (it moved between partitions); the queue is a working list, reloaded often.
 */
public final class AgencyQueue {
    static final int PAGES_PER_STATUS = 5;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public AgencyQueue(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    /** What to list: statuses, optional category and area, overdue only. */
    public record Filter(Set<ReportStatus> statuses, String category, String areaCode, boolean overdue) {
        /** A stable text of the filter, so that a cursor only continues the list it was made for. */
        public String canonical() {
            return new TreeSet<>(statuses.stream().map(Enum::name).toList()) + "|" + (category == null ? "" : category)
                    + "|" + (areaCode == null ? "" : areaCode) + "|" + overdue;
        }
    }

    public record Page(List<Report> reports, String nextSortKey) {
    }

    public LocalDate today() {
        return clock.instant().atZone(WorkingDays.ZONE).toLocalDate();
    }

    public Page list(String agencyId, Filter filter, String after, int limit) {
        String today = today().toString();
        List<Map.Entry<String, Report>> found = new ArrayList<>();
        String trustedUpTo = null;
        for (ReportStatus status : filter.statuses()) {
            Stream stream = read(agencyId, status, filter, after, today, limit);
            found.addAll(stream.matches.entrySet());
            if (stream.stoppedAt != null && (trustedUpTo == null || stream.stoppedAt.compareTo(trustedUpTo) < 0)) {
                trustedUpTo = stream.stoppedAt;
            }
        }
        found.sort(Map.Entry.comparingByKey());
        List<Report> reports = new ArrayList<>();
        String last = null;
        boolean more = false;
        for (Map.Entry<String, Report> entry : found) {
            if (trustedUpTo != null && entry.getKey().compareTo(trustedUpTo) > 0) {
                more = true;
                break;
            }
            if (reports.size() == limit) {
                more = true;
                break;
            }
            reports.add(entry.getValue());
            last = entry.getKey();
        }
        if (trustedUpTo != null) {
            // a budget-stopped stream has more: continue after the last key returned, or after the
            // position it reached when the page is short
            return new Page(reports, reports.size() < limit ? trustedUpTo : last);
        }
        return new Page(reports, more ? last : null);
    }

    private static final class Stream {
        final Map<String, Report> matches = new LinkedHashMap<>();
        /** The last key read when the read budget ran out before the stream was exhausted; null otherwise. */
        String stoppedAt;
    }

    private Stream read(String agencyId, ReportStatus status, Filter filter, String after, String today, int limit) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        names.put("#pk", "gsi2pk");
        if (after != null || filter.overdue()) {
            names.put("#sk", "gsi2sk"); // DynamoDB refuses names the expressions do not use
        }
        values.put(":pk", AttributeValue.fromS(ReportItems.queueKey(agencyId, status)));
        String condition = "#pk = :pk";
        if (after != null && filter.overdue()) {
            condition += " AND #sk BETWEEN :after AND :today";
            values.put(":after", AttributeValue.fromS(after));
            values.put(":today", AttributeValue.fromS(today));
        } else if (after != null) {
            condition += " AND #sk > :after";
            values.put(":after", AttributeValue.fromS(after));
        } else if (filter.overdue()) {
            condition += " AND #sk < :today";
            values.put(":today", AttributeValue.fromS(today));
        }
        List<String> filters = new ArrayList<>();
        if (filter.category() != null) {
            names.put("#c", "categoryCode");
            values.put(":c", AttributeValue.fromS(filter.category()));
            filters.add("#c = :c");
        }
        if (filter.areaCode() != null) {
            names.put("#a", "areaCode");
            values.put(":a", AttributeValue.fromS(filter.areaCode()));
            filters.add("#a = :a");
        }
        Stream stream = new Stream();
        Map<String, AttributeValue> start = null;
        for (int page = 0; page < PAGES_PER_STATUS; page++) {
            QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName("GSI2")
                    .keyConditionExpression(condition).expressionAttributeNames(names)
                    .expressionAttributeValues(values).scanIndexForward(true).limit(limit + 1)
                    .exclusiveStartKey(start);
            if (!filters.isEmpty()) {
                query.filterExpression(String.join(" AND ", filters));
            }
            QueryRequest request = query.build();
            QueryResponse response = DynamoDbCalls.call(() -> dynamo.query(request));
            for (Map<String, AttributeValue> item : response.items()) {
                String key = item.get("gsi2sk").s();
                if (after != null && key.compareTo(after) <= 0) {
                    continue; // BETWEEN is inclusive
                }
                stream.matches.put(key, ReportItems.report(item));
            }
            boolean exhausted = !response.hasLastEvaluatedKey() || response.lastEvaluatedKey().isEmpty();
            if (exhausted || stream.matches.size() >= limit) {
                return stream;
            }
            start = response.lastEvaluatedKey();
        }
        stream.stoppedAt = start.get("gsi2sk").s();
        return stream;
    }

    /** Sorts as the queue does (for tests and in-memory callers). */
    public static final Comparator<Report> ORDER = Comparator.comparing(ReportItems::queueSort);
}
