package vn.smartprovince.ops.province;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.smartprovince.shared.province.Agency;
import vn.smartprovince.shared.province.Area;
import vn.smartprovince.shared.province.AreaType;
import vn.smartprovince.shared.province.Competence;
import vn.smartprovince.shared.province.ProvinceConfig;
import vn.smartprovince.shared.province.ProvinceConfigLoader;
import vn.smartprovince.shared.province.Routing;
import vn.smartprovince.shared.province.RoutingRule;
import vn.smartprovince.testkit.RepoRoot;

/** The demo province and variations of it, and a clean main table, for the tests of this package. */
final class Configs {
    static final Path DEMO = RepoRoot.get().resolve("infra/demo/tay-ninh.json");
    static final String CODE = "DEMO-TNH";

    private Configs() {
    }

    static ProvinceConfig demo() {
        return ProvinceConfigLoader.load(DEMO);
    }

    static ProvinceConfig renameAgency(ProvinceConfig c, String id, String name) {
        List<Agency> agencies = c.agencies().stream().map(a -> a.id().equals(id)
                ? new Agency(a.id(), name, a.kind(), a.contactPhone(), a.allAreas(), a.areaCodes(), a.unitCode()) : a).toList();
        return new ProvinceConfig(c.schemaVersion(), c.demo(), c.province(), c.zalo(), c.areas(), agencies,
                c.categories(), c.routing(), c.holidayCalendar(), c.notificationTemplates(), c.procedures(),
                c.oneStop(), c.appointments(), c.serviceCentres(), c.directory());
    }

    /** Without the agency (its routing rules go to the triage agency). */
    static ProvinceConfig withoutAgency(ProvinceConfig c, String id) {
        List<Agency> agencies = c.agencies().stream().filter(a -> !a.id().equals(id)).toList();
        List<RoutingRule> rules = c.routing().rules().stream().filter(r -> !r.agencyId().equals(id)).toList();
        return new ProvinceConfig(c.schemaVersion(), c.demo(), c.province(), c.zalo(), c.areas(), agencies,
                c.categories(), new Routing(c.routing().triageAgencyId(), rules), c.holidayCalendar(),
                c.notificationTemplates(), c.procedures().stream()
                        .filter(p -> !p.competence().agencyIds().contains(id)).toList());
    }

    /** With {@code count} more communes: more entity items change than one transaction holds. */
    static ProvinceConfig withCommunes(ProvinceConfig c, int count) {
        List<Area> areas = new ArrayList<>(c.areas());
        for (int i = 0; i < count; i++) {
            areas.add(new Area(String.format("DEMO-X9%02d", i), "Xã Thử " + i, AreaType.COMMUNE, null, List.of(), List.of()));
        }
        // Communes no candidate agency covers would make the area-based procedures invalid: keep the fixed ones.
        return new ProvinceConfig(c.schemaVersion(), c.demo(), c.province(), c.zalo(), areas, c.agencies(),
                c.categories(), c.routing(), c.holidayCalendar(), c.notificationTemplates(), c.procedures().stream()
                        .filter(p -> p.competence().basis() == Competence.Basis.FIXED).toList());
    }

    /** Deletes every item (the emulator is shared by a test class). */
    static void empty(DynamoDbClient dynamo, String table) {
        dynamo.scanPaginator(b -> b.tableName(table).projectionExpression("pk, sk")).items().forEach(item ->
                dynamo.deleteItem(b -> b.tableName(table).key(Map.of("pk", item.get("pk"), "sk", item.get("sk")))));
    }

    /** An open report as functions/reports writes it (the attributes the guards read). */
    static void openReport(DynamoDbClient dynamo, String table, String id, String agencyId, String category, String area) {
        dynamo.putItem(b -> b.tableName(table).item(Map.of(
                "pk", AttributeValue.fromS("REPORT#" + id), "sk", AttributeValue.fromS("REPORT"),
                "itemType", AttributeValue.fromS("REPORT"), "provinceCode", AttributeValue.fromS(CODE),
                "agencyId", AttributeValue.fromS(agencyId), "categoryCode", AttributeValue.fromS(category),
                "areaCode", AttributeValue.fromS(area), "status", AttributeValue.fromS("IN_PROGRESS"),
                "gsi2pk", AttributeValue.fromS("AGENCY#" + agencyId + "#QUEUE#IN_PROGRESS"),
                "gsi2sk", AttributeValue.fromS("2026-12-01#2026-11-28T02:30:00Z#" + id))));
    }
}
