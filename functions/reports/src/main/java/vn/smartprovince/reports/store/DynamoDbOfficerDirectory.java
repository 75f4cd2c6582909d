package vn.smartprovince.reports.store;

import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import vn.smartprovince.reports.core.AgencyMembers;
import vn.smartprovince.reports.core.OfficerDirectory;
import vn.smartprovince.shared.auth.AgencyOfficers;

/** An agency's officers, through the shared query of the identity design's GSI1 ({@link AgencyOfficers}). */
public final class DynamoDbOfficerDirectory implements OfficerDirectory, AgencyMembers {
    private final AgencyOfficers officers;

    public DynamoDbOfficerDirectory(DynamoDbClient dynamo, String table) {
        this.officers = new AgencyOfficers(dynamo, table);
    }

    @Override
    public List<String> officersOf(String agencyId, int limit) {
        return officers.officersOf(agencyId, limit);
    }

    @Override
    public boolean isOfficerOf(String agencyId, String userId) {
        return officers.isOfficerOf(agencyId, userId);
    }
}
