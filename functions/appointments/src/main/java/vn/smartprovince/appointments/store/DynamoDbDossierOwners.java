package vn.smartprovince.appointments.store;

import static vn.smartprovince.shared.aws.Attributes.key;
import static vn.smartprovince.shared.aws.Attributes.text;

import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import vn.smartprovince.appointments.core.DossierOwners;
import vn.smartprovince.shared.aws.Transactions;

/**
 * Reads the dossiers' items (functions/dossiers DossierItems): {@code DOSSIER_CODE#<code> / CODE}
 * gives {@code dossierId}, {@code DOSSIER#<id> / DOSSIER} its {@code applicantId}.
 */
public final class DynamoDbDossierOwners implements DossierOwners {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbDossierOwners(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<String> applicantOf(String dossierCode) {
        var claim = Transactions.call(() -> dynamo.getItem(b -> b.tableName(table)
                .key(key("DOSSIER_CODE#" + dossierCode, "CODE"))));
        String id = claim.hasItem() ? text(claim.item(), "dossierId") : null;
        if (id == null) {
            return Optional.empty();
        }
        var dossier = Transactions.call(() -> dynamo.getItem(b -> b.tableName(table)
                .key(key("DOSSIER#" + id, "DOSSIER")).projectionExpression("applicantId")));
        return dossier.hasItem() ? Optional.ofNullable(text(dossier.item(), "applicantId")) : Optional.empty();
    }
}
