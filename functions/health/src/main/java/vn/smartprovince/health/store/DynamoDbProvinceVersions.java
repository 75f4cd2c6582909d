package vn.smartprovince.health.store;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import vn.smartprovince.health.core.ProvinceVersion;
import vn.smartprovince.health.core.ProvinceVersions;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.province.ProvinceConfigSource;

/**
 * The version in force as the table says it now ({@link ProvinceConfigSource#pointer}: the
 * {@code CONFIG#CURRENT} item's version and publication time, nothing of the configuration).
 * Read on every health check, not cached: health reports the table, while each function serves
 * what its own source holds (at most the refresh interval behind).
 */
public final class DynamoDbProvinceVersions implements ProvinceVersions {
    private final DynamoDbClient dynamo;
    private final String table;
    private final String provinceCode;

    public DynamoDbProvinceVersions(DynamoDbClient dynamo, String table, String provinceCode) {
        this.dynamo = dynamo;
        this.table = table;
        this.provinceCode = provinceCode;
    }

    @Override
    public ProvinceVersion inForce() {
        if (provinceCode == null || provinceCode.isBlank()) {
            return ProvinceVersion.none(null, "PROVINCE_CODE_NOT_SET");
        }
        try {
            return ProvinceConfigSource.pointer(dynamo, table, provinceCode)
                    .map(pointer -> ProvinceVersion.inForce(provinceCode, pointer.version(), pointer.publishedAt()))
                    .orElseGet(() -> ProvinceVersion.none(provinceCode, "NOT_PUBLISHED"));
        } catch (ApiException e) {
            return ProvinceVersion.none(provinceCode, "DYNAMODB_UNAVAILABLE");
        } catch (RuntimeException e) {
            return ProvinceVersion.none(provinceCode, e.getClass().getSimpleName());
        }
    }
}
