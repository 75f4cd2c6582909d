package vn.smartprovince.reports.stats;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import vn.smartprovince.reports.core.CounterDelta;
import vn.smartprovince.reports.core.ProvinceSource;
import vn.smartprovince.reports.core.ReportStatus;
import vn.smartprovince.reports.store.ReportItems;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.BodyFields;
import vn.smartprovince.shared.http.ErrorCode;
import vn.smartprovince.shared.http.FieldError;
import vn.smartprovince.shared.province.ProvinceConfig;
import vn.smartprovince.shared.province.WorkingDays;

/**
 * The dashboard read: one counter item of the core ({@code STATS#<dim>#<key>} / {@code TOTAL} or
 * {@code MONTH#yyyy-MM}, GetItem) and, for an agency, "overdue now" as GSI2 queue queries
 * ({@code gsi2sk < today}, Select COUNT) per open status. Never a Scan. Counters nobody wrote yet
 * read as zero: the officer routes write {@code answered}, {@code answeredOnTime},
 * {@code answeredLate}, {@code firstAnswers}, {@code firstAnswerSeconds}, {@code rejected},
 * {@code transferredIn/Out}; the core writes {@code received}, {@code withdrawn}, {@code reopened},
 * {@code supports}, {@code ratings}, {@code ratingStars}.
 */
public final class ReportStats {
    static final List<String> FIELDS = vn.smartprovince.shared.stats.ReportCounterKeys.FIELDS;
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private final DynamoDbClient dynamo;
    private final String table;
    private final ProvinceSource province;
    private final Clock clock;
    private final Reader reader;
    private final DossierStats dossiers;
    private final AppointmentStats appointments;

    public ReportStats(DynamoDbClient dynamo, String table, ProvinceSource province, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.province = province;
        this.clock = clock;
        this.reader = dynamoReader();
        this.dossiers = new DossierStats(reader, clock);
        this.appointments = new AppointmentStats(reader);
    }

    /** The two reads the dashboard makes: one counter item, one COUNT query (all pages). */
    interface Reader {
        Map<String, Long> counters(String partitionKey, String period, List<String> fields);

        long count(QueryRequest query);
    }

    /** What {@code GET /v1/stats} answers: report counters (agency, category, area) or a procedure's dossiers. */
    public sealed interface Answer permits Stats, ProcedureStats, CentreStats {
    }

    /**
     * What the dashboard shows for one agency, category or area, in one month or in total; for an
     * agency also its public-service dossiers ({@code dossiers}, null otherwise).
     */
    public record Stats(String dimension, String key, String period, long received, long answered, long answeredOnTime,
                        long answeredLate, Long overdueNow, Double onTimeRate, Long averageFirstAnswerSeconds,
                        Double satisfaction, long ratings, long rejected, long withdrawn, long reopened,
                        long transferredIn, long transferredOut, long supports, DossierStats.Block dossiers)
            implements Answer {
    }

    /** {@code procedureCode=}: the procedure's dossiers (a procedure has no field reports). */
    public record ProcedureStats(String dimension, String key, String period, DossierStats.Block dossiers)
            implements Answer {
    }

    /** {@code centreId=}: a service centre's appointments (a centre has no field reports). */
    public record CentreStats(String dimension, String key, String period, AppointmentStats.Block appointments)
            implements Answer {
    }

    public Answer read(Caller caller, String agencyId, String categoryCode, String areaCode, String month) {
        return read(caller, agencyId, categoryCode, areaCode, null, month);
    }

    public Answer read(Caller caller, String agencyId, String categoryCode, String areaCode, String procedureCode,
                       String month) {
        return read(caller, agencyId, categoryCode, areaCode, procedureCode, null, month);
    }

    public Answer read(Caller caller, String agencyId, String categoryCode, String areaCode, String procedureCode,
                       String centreId, String month) {
        BodyFields fields = new BodyFields();
        ProvinceConfig config = province.config();
        agencyId = blankToNull(agencyId);
        categoryCode = blankToNull(categoryCode);
        areaCode = blankToNull(areaCode);
        procedureCode = blankToNull(procedureCode);
        centreId = blankToNull(centreId);
        month = blankToNull(month);
        int given = (agencyId != null ? 1 : 0) + (categoryCode != null ? 1 : 0) + (areaCode != null ? 1 : 0)
                + (procedureCode != null ? 1 : 0) + (centreId != null ? 1 : 0);
        if (given != 1) {
            fields.error("agencyId", "ONE_DIMENSION_REQUIRED",
                    "Cần đúng một trong agencyId, categoryCode, areaCode, procedureCode, centreId.",
                    "Give exactly one of agencyId, categoryCode, areaCode, procedureCode, centreId.");
            fields.done();
        }
        // A centre is seen as its agency is: by the agency's officers (and admins).
        String centreAgency = centreId == null || !CODE.matcher(centreId).matches() ? null
                : config.serviceCentre(centreId).map(centre -> centre.agencyId()).orElse(null);
        String ownAgency = centreId != null ? centreAgency : agencyId;
        if (!caller.isProvinceAdmin() && (ownAgency == null || !caller.isOfficerOf(ownAgency))) {
            throw new ApiException(ErrorCode.FORBIDDEN, "NOT_AN_OFFICER_OF_AGENCY", List.of(new FieldError("agencyId",
                    "NOT_AN_OFFICER_OF_AGENCY", "Cán bộ chỉ xem được thống kê của cơ quan mình.",
                    "An officer sees the statistics of their own agency only.")), Map.of(), null);
        }
        String dimension;
        String key;
        if (agencyId != null) {
            dimension = "AGENCY";
            key = agencyId;
            if (!CODE.matcher(key).matches() || config.agency(key).isEmpty()) {
                fields.error("agencyId", "UNKNOWN_AGENCY", "Không có cơ quan này.", "No such agency.");
            }
        } else if (centreId != null) {
            dimension = "CENTRE";
            key = centreId;
            if (centreAgency == null) {
                fields.error("centreId", "UNKNOWN_CENTRE", "Không có trung tâm này.", "No such service centre.");
            }
        } else if (procedureCode != null) {
            dimension = "PROCEDURE";
            key = procedureCode;
            if (!CODE.matcher(key).matches() || config.procedure(key).isEmpty()) {
                fields.error("procedureCode", "UNKNOWN_PROCEDURE", "Không có thủ tục này.", "No such procedure.");
            }
        } else if (categoryCode != null) {
            dimension = "CATEGORY";
            key = categoryCode;
            if (!CODE.matcher(key).matches() || config.category(key).isEmpty()) {
                fields.error("categoryCode", "UNKNOWN_CATEGORY", "Loại phản ánh không tồn tại.", "No such report category.");
            }
        } else {
            dimension = "AREA";
            key = areaCode;
            if (!CODE.matcher(key).matches() || config.area(key).isEmpty()) {
                fields.error("areaCode", "UNKNOWN_AREA", "Không có xã/phường này.", "No such commune or ward.");
            }
        }
        String period = CounterDelta.TOTAL;
        if (month != null) {
            try {
                if (!MONTH.matcher(month).matches()) {
                    throw new DateTimeParseException("month", month, 0);
                }
                period = "MONTH#" + YearMonth.parse(month);
            } catch (DateTimeParseException e) {
                fields.error("month", "INVALID_FORMAT", "month có dạng YYYY-MM.", "month must be YYYY-MM.");
            }
        }
        fields.done();
        if (dimension.equals("CENTRE")) {
            return new CentreStats(dimension, key, month == null ? "TOTAL" : month, appointments.centre(key, period));
        }
        if (dimension.equals("PROCEDURE")) {
            List<String> competent = config.procedure(key).orElseThrow().competence().agencyIds();
            return new ProcedureStats(dimension, key, month == null ? "TOTAL" : month,
                    dossiers.procedure(key, competent, period));
        }
        Map<String, Long> counters = reader.counters("STATS#" + dimension + "#" + key, period, FIELDS);
        Long overdue = dimension.equals("AGENCY") ? overdueNow(key) : null;
        DossierStats.Block dossierBlock = dimension.equals("AGENCY") ? dossiers.agency(key, period) : null;
        long answered = counters.get("answered");
        long firstAnswers = counters.get("firstAnswers");
        long ratings = counters.get("ratings");
        return new Stats(dimension, key, month == null ? "TOTAL" : month, counters.get("received"), answered,
                counters.get("answeredOnTime"), counters.get("answeredLate"), overdue,
                answered == 0 ? null : round((double) counters.get("answeredOnTime") / answered),
                firstAnswers == 0 ? null : counters.get("firstAnswerSeconds") / firstAnswers,
                ratings == 0 ? null : round((double) counters.get("ratingStars") / ratings), ratings,
                counters.get("rejected"), counters.get("withdrawn"), counters.get("reopened"),
                counters.get("transferredIn"), counters.get("transferredOut"), counters.get("supports"), dossierBlock);
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** GetItem of one counter item (absent fields read 0) and COUNT queries over every page, on the main table. */
    private Reader dynamoReader() {
        return new Reader() {
            @Override
            public Map<String, Long> counters(String partitionKey, String period, List<String> fields) {
                var response = call(() -> dynamo.getItem(b -> b.tableName(table).key(ReportItems.key(partitionKey, period))));
                Map<String, AttributeValue> item = response.hasItem() ? response.item() : Map.of();
                Map<String, Long> counters = new LinkedHashMap<>();
                for (String field : fields) {
                    AttributeValue value = item.get(field);
                    counters.put(field, value == null || value.n() == null ? 0 : Long.parseLong(value.n()));
                }
                return counters;
            }

            @Override
            public long count(QueryRequest query) {
                QueryRequest onTable = query.toBuilder().tableName(table).build();
                long count = 0;
                Map<String, AttributeValue> start = null;
                do {
                    Map<String, AttributeValue> exclusiveStart = start;
                    QueryResponse response = call(() -> dynamo.query(onTable.toBuilder().exclusiveStartKey(exclusiveStart).build()));
                    count += response.count();
                    start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                            ? response.lastEvaluatedKey() : null;
                } while (start != null);
                return count;
            }
        };
    }

    /** Open reports of the agency whose deadline is before today (Vietnam): one COUNT query per open status. */
    long overdueNow(String agencyId) {
        String today = LocalDate.now(clock.withZone(WorkingDays.ZONE)).toString();
        long count = 0;
        for (ReportStatus status : ReportStatus.values()) {
            if (status.open()) {
                count += reader.count(QueryRequest.builder().indexName("GSI2")
                        .keyConditionExpression("gsi2pk = :p AND gsi2sk < :today").select(Select.COUNT)
                        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(ReportItems.queueKey(agencyId, status)),
                                ":today", AttributeValue.fromS(today)))
                        .build());
            }
        }
        return count;
    }

    private static <T> T call(java.util.function.Supplier<T> operation) {
        return vn.smartprovince.shared.aws.DynamoDbCalls.call(operation);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
