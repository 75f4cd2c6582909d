package vn.smartprovince.dossiers.store;

import static vn.smartprovince.shared.aws.Attributes.s;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.smartprovince.dossiers.core.ParkedDeskUpdates;
import vn.smartprovince.shared.aws.Transactions;

/** Parked desk updates in the main table: {@code DOSSIER#<id> / DESK#<k:6>} with {@code rawBody} and {@code receivedAt}. */
public final class DynamoDbParkedDeskUpdates implements ParkedDeskUpdates {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbParkedDeskUpdates(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    public static String deskKey(int deskSequence) {
        return String.format("DESK#%06d", deskSequence);
    }

    @Override
    public void park(String dossierId, int deskSequence, String rawBody, Instant receivedAt) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(DossierItems.key(DossierItems.dossierKey(dossierId),
                deskKey(deskSequence)));
        item.put("itemType", s("DOSSIER_DESK_UPDATE"));
        item.put("dossierId", s(dossierId));
        item.put("deskSequence", AttributeValue.fromN(Integer.toString(deskSequence)));
        item.put("rawBody", s(rawBody));
        item.put("receivedAt", s(receivedAt));
        Transactions.call(() -> dynamo.putItem(b -> b.tableName(table).item(item)));
    }

    @Override
    public Optional<String> parked(String dossierId, int deskSequence) {
        var response = Transactions.call(() -> dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(DossierItems.key(DossierItems.dossierKey(dossierId), deskKey(deskSequence)))));
        return response.hasItem() && response.item().containsKey("rawBody")
                ? Optional.of(response.item().get("rawBody").s()) : Optional.empty();
    }

    @Override
    public void remove(String dossierId, int deskSequence) {
        Transactions.call(() -> dynamo.deleteItem(b -> b.tableName(table)
                .key(DossierItems.key(DossierItems.dossierKey(dossierId), deskKey(deskSequence)))));
    }
}
