package vn.smartprovince.ops.onestop;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.smartprovince.dossiers.core.DossierStatus;
import vn.smartprovince.ops.onestop.OneStopReconcile.Ours;
import vn.smartprovince.ops.onestop.OneStopReconcile.Parked;
import vn.smartprovince.ops.onestop.OneStopReconcile.Theirs;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.province.Agency;
import vn.smartprovince.shared.province.ProvinceConfig;
import vn.smartprovince.shared.province.ProvinceConfigStore;

/**
 * Reads both sides for {@link OneStopReconcile}: our dossiers and parked desk updates from the main
 * table (one scan), agency unit codes from the province's current configuration; their copies from
 * the one-stop system: the fake's listing ({@code GET /_fake/dossiers}) when there is one, else the
 * vendor's read API ({@code GET /dossiers/{id}}, Bearer apiKey) for each of our dossiers.
 */
public final class OneStopSides {
    private OneStopSides() {
    }

    /** Our side: dossiers and parked desk updates. */
    public record OurSide(List<Ours> dossiers, List<Parked> parked) {
    }

    /** Their side; {@code listed}: all they hold (so copies we lack can be named). */
    public record TheirSide(Map<String, Theirs> copies, boolean listed) {
    }

    public static OurSide ours(DynamoDbClient dynamo, String table, String provinceCode) {
        Map<String, String> unitCodes = new LinkedHashMap<>();
        ProvinceConfigStore store = new ProvinceConfigStore(dynamo, table);
        String province = provinceCode != null ? provinceCode : store.provinceCodes().stream().findFirst().orElse(null);
        if (province != null) {
            store.current(province).map(ProvinceConfigStore.Stored::config).map(ProvinceConfig::agencies)
                    .ifPresent(agencies -> {
                        for (Agency a : agencies) {
                            unitCodes.put(a.id(), a.unitCode());
                        }
                    });
        }
        List<Ours> dossiers = new ArrayList<>();
        List<Parked> parked = new ArrayList<>();
        dynamo.scanPaginator(b -> b.tableName(table)
                .filterExpression("begins_with(pk, :p) AND (sk = :d OR begins_with(sk, :k))")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("DOSSIER#"), ":d", AttributeValue.fromS("DOSSIER"),
                        ":k", AttributeValue.fromS("DESK#"))))
                .items().forEach(item -> {
                    String id = item.get("pk").s().substring("DOSSIER#".length());
                    String sk = item.get("sk").s();
                    if (sk.startsWith("DESK#")) {
                        parked.add(new Parked(id, Integer.parseInt(sk.substring("DESK#".length()))));
                        return;
                    }
                    String agencyId = text(item, "agencyId");
                    String dueDate = text(item, "dueDate");
                    dossiers.add(new Ours(id, text(item, "code"), DossierStatus.valueOf(text(item, "status")).code(),
                            agencyId == null ? null : unitCodes.get(agencyId),
                            dueDate == null ? null : LocalDate.parse(dueDate), number(item, "version"),
                            number(item, "deskSequence")));
                });
        return new OurSide(dossiers, parked);
    }

    /** Their side, through the fake's listing when {@code baseUrl} serves one, else one read per dossier. */
    public static TheirSide theirs(URI baseUrl, String apiKey, Collection<Ours> ours) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        Optional<JsonNode> listing = get(http, baseUrl.resolve("/_fake/dossiers"), null);
        Map<String, Theirs> copies = new LinkedHashMap<>();
        if (listing.isPresent()) {
            for (JsonNode c : listing.get().path("items")) {
                copies.put(c.path("dossierId").asText(), new Theirs(c.path("dossierId").asText(), text(c, "dossierCode"),
                        c.path("status").isInt() ? c.get("status").intValue() : null, text(c, "agencyCode"),
                        text(c, "dueAt"), c.path("lastSequence").asInt(), c.path("deskSequence").asInt(),
                        c.path("bufferedSequences").size()));
            }
            return new TheirSide(copies, true);
        }
        for (Ours o : ours) {
            get(http, baseUrl.resolve("/dossiers/" + o.dossierId()), apiKey).ifPresent(c -> copies.put(o.dossierId(),
                    new Theirs(o.dossierId(), text(c, "MaHoSo"), c.path("TrangThaiHoSo").isInt()
                            ? c.get("TrangThaiHoSo").intValue() : null, text(c, "MaDonVi"), text(c, "NgayHenTra"),
                            c.path("SoThuTu").asInt(), c.path("SoThuTuCapNhat").asInt(), 0)));
        }
        return new TheirSide(copies, false);
    }

    private static Optional<JsonNode> get(HttpClient http, URI uri, String apiKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET();
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the one-stop system answered " + response.statusCode() + " to GET " + uri);
            }
            return Optional.of(Json.read(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException("the one-stop system at " + uri + " is unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.s() == null ? null : v.s();
    }

    private static int number(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? 0 : Integer.parseInt(v.n());
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
