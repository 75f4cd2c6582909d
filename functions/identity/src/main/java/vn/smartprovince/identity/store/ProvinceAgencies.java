package vn.smartprovince.identity.store;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.smartprovince.identity.core.Agencies;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.province.ProvinceConfigStore;

/**
 * Agencies of the province configuration in force, looked up as the per-entity items
 * ({@code PROVINCE#<code>} / {@code AGENCY#<id>}) that publishing keeps in line with it: one
 * GetItem, no parsing, and a newly published agency is seen at once.
 */
public final class ProvinceAgencies implements Agencies {
    private final DynamoDbClient dynamo;
    private final String table;
    private volatile List<String> provinceCodes;

    public ProvinceAgencies(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean exists(String agencyId) {
        for (String code : provinceCodes()) {
            var response = DynamoDbUsers.call(() -> dynamo.getItem(b -> b.tableName(table).key(Map.of(
                    "pk", AttributeValue.fromS(ProvinceConfigStore.partitionKey(code)),
                    "sk", AttributeValue.fromS(ProvinceConfigStore.agencyKey(agencyId))))));
            if (response.hasItem() && !response.item().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** The province(s) of this table (a stack serves one), read once per instance. */
    private List<String> provinceCodes() {
        List<String> codes = provinceCodes;
        if (codes == null) {
            codes = DynamoDbUsers.call(() -> new ProvinceConfigStore(dynamo, table).provinceCodes());
            if (codes.isEmpty()) {
                throw ApiException.unavailable("province configuration not published");
            }
            provinceCodes = codes;
        }
        return codes;
    }
}
