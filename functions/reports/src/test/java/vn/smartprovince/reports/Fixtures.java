package vn.smartprovince.reports;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.smartprovince.reports.core.PhotoStore;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.auth.Role;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.FieldError;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.province.ProvinceConfig;
import vn.smartprovince.shared.province.ProvinceConfigLoader;
import vn.smartprovince.testkit.AwsEmulatorExtension;

/** The demo province, callers of each kind, fake photos and officers. */
public final class Fixtures {
    public static final ProvinceConfig DEMO = ProvinceConfigLoader.load(
            AwsEmulatorExtension.repoRoot().resolve(Path.of("infra", "demo", "tay-ninh.json")));
    public static final String CITIZEN = "9000000000000000001";
    public static final String OTHER_CITIZEN = "9000000000000000002";
    /** Inside the demo province's bounding box (Tây Ninh town). */
    public static final double LAT = 11.3101;
    public static final double LNG = 106.0985;

    private Fixtures() {
    }

    public static Caller citizen(String id) {
        return new Caller(id, Set.of(Role.CITIZEN), null, "s", Instant.EPOCH, Instant.EPOCH);
    }

    public static Caller officer(String id, String agencyId) {
        return new Caller(id, EnumSet.of(Role.CITIZEN, Role.OFFICER), agencyId, "s", Instant.EPOCH, Instant.EPOCH);
    }

    public static Caller admin(String id) {
        return new Caller(id, EnumSet.of(Role.CITIZEN, Role.PROVINCE_ADMIN), null, "s", Instant.EPOCH, Instant.EPOCH);
    }

    /** A valid submission body with overrides ({@code null} removes a field). */
    public static com.fasterxml.jackson.databind.node.ObjectNode body(Map<String, Object> changes) {
        var body = Json.object();
        body.put("category", "ROAD_DAMAGE");
        body.put("description", "Ổ gà lớn giữa đường, xe máy dễ té ngã.");
        body.putObject("location").put("lat", LAT).put("lng", LNG).put("address", "12 Đường 30/4").put("areaCode", "DEMO-P02");
        changes.forEach((k, v) -> {
            if (v == null) {
                body.remove(k);
            } else {
                body.set(k, Json.MAPPER.valueToTree(v));
            }
        });
        return body;
    }

    public static com.fasterxml.jackson.databind.node.ObjectNode body() {
        return body(Map.of());
    }

    /** Photos: keys starting with {@code <userId>/} were uploaded by that user. */
    public static final class Photos implements PhotoStore {
        public final List<List<String>> verified = new ArrayList<>();
        public final List<List<String>> attached = new ArrayList<>();

        /** The report's copy of {@code <userId>/<name>} is {@code report-photos/reports/<reportId>/<name>}. */
        @Override
        public List<String> attach(String reportId, List<String> uploadKeys) {
            attached.add(uploadKeys);
            return uploadKeys.stream().map(key -> "report-photos/reports/" + reportId + "/"
                    + key.substring(key.lastIndexOf('/') + 1)).toList();
        }

        @Override
        public PresignedUpload presignUpload(String userId, String contentType, long sizeBytes) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void verifyUploadedBy(String userId, List<String> keys) {
            verified.add(keys);
            for (int i = 0; i < keys.size(); i++) {
                if (!keys.get(i).startsWith(userId + "/")) {
                    throw ApiException.invalid(new FieldError("photoKeys[" + i + "]", "PHOTO_NOT_FOUND", "x", "x"));
                }
            }
        }

        @Override
        public java.net.URI presignDownload(String key, java.time.Duration validFor) {
            throw new UnsupportedOperationException();
        }
    }
}
