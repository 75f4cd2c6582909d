package vn.smartprovince.shared.province;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * How many open field reports each agency holds, each category is used by and each unit has: what
 * {@link ConfigGuards} needs to refuse a change that would break live data.
 */
public interface OpenReports {
    /**
     * The report statuses that count as open (functions/reports' {@code ReportStatus.open()}):
     * waiting on the agency or the citizen.
     */
    List<String> OPEN_STATUSES = List.of("ROUTED", "IN_PROGRESS", "NEEDS_INFO", "REOPENED");

    /** Open reports per agency id, category code and unit code (a code absent: none). */
    record Counts(Map<String, Integer> byAgency, Map<String, Integer> byCategory, Map<String, Integer> byArea) {
        public static final Counts NONE = new Counts(Map.of(), Map.of(), Map.of());

        public int agency(String id) {
            return byAgency.getOrDefault(id, 0);
        }

        public int category(String code) {
            return byCategory.getOrDefault(code, 0);
        }

        public int area(String code) {
            return byArea.getOrDefault(code, 0);
        }
    }

    /** The open reports of {@code provinceCode} held by these agencies. */
    Counts count(String provinceCode, Collection<String> agencyIds);

    /**
     * From the main table, with the officers' queue index of functions/reports: every report item
     * carries GSI2 {@code AGENCY#<agencyId>#QUEUE#<status>} (ReportItems.queueKey), so one Query per
     * agency and open status (projecting category and unit only) finds every open report of an
     * agency. Every open report is in the queue of an agency of the version in force, because no
     * version may remove an agency that still holds one. No Scan.
     */
    static OpenReports inTable(DynamoDbClient dynamo, String table) {
        return (provinceCode, agencyIds) -> {
            Map<String, Integer> byAgency = new TreeMap<>();
            Map<String, Integer> byCategory = new TreeMap<>();
            Map<String, Integer> byArea = new TreeMap<>();
            for (String agencyId : agencyIds) {
                for (String status : OPEN_STATUSES) {
                    QueryRequest query = QueryRequest.builder().tableName(table).indexName("GSI2")
                            .keyConditionExpression("gsi2pk = :q")
                            .expressionAttributeValues(Map.of(":q", AttributeValue.fromS(queueKey(agencyId, status))))
                            .projectionExpression("provinceCode, categoryCode, areaCode")
                            .build();
                    dynamo.queryPaginator(query).items().forEach(item -> {
                        AttributeValue province = item.get("provinceCode");
                        if (province != null && province.s() != null && !province.s().equals(provinceCode)) {
                            return;
                        }
                        byAgency.merge(agencyId, 1, Integer::sum);
                        if (item.containsKey("categoryCode")) {
                            byCategory.merge(item.get("categoryCode").s(), 1, Integer::sum);
                        }
                        if (item.containsKey("areaCode") && item.get("areaCode").s() != null) {
                            byArea.merge(item.get("areaCode").s(), 1, Integer::sum);
                        }
                    });
                }
            }
            return new Counts(byAgency, byCategory, byArea);
        };
    }

    /**
     * The GSI2 partition of an agency's queue in one status: defined here, where the configuration
     * guards read it, and used by functions/reports' ReportItems to write it.
     */
    public static String queueKey(String agencyId, String status) {
        return "AGENCY#" + agencyId + "#QUEUE#" + status;
    }
}
