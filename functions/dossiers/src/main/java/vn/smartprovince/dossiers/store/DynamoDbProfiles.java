package vn.smartprovince.dossiers.store;

import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.smartprovince.dossiers.core.Profiles;
import vn.smartprovince.shared.auth.UserItems;
import vn.smartprovince.shared.aws.Attributes;
import vn.smartprovince.shared.aws.Transactions;

/** {@link Profiles} from the user item ({@link UserItems}): display name (else Zalo name) and phone. */
public final class DynamoDbProfiles implements Profiles {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbProfiles(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<Profile> of(String userId) {
        var response = Transactions.call(() -> dynamo.getItem(b -> b.tableName(table)
                .key(DossierItems.key(UserItems.userKey(userId), UserItems.PROFILE))
                .projectionExpression("#d, #z, #p")
                .expressionAttributeNames(Map.of("#d", UserItems.DISPLAY_NAME, "#z", UserItems.ZALO_NAME,
                        "#p", UserItems.PHONE))));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = response.item();
        String name = Attributes.text(item, UserItems.DISPLAY_NAME);
        if (name == null || name.isBlank()) {
            name = Attributes.text(item, UserItems.ZALO_NAME);
        }
        return Optional.of(new Profile(name, Attributes.text(item, UserItems.PHONE)));
    }
}
