package vn.smartprovince.shared.province;

import java.util.Objects;

/**
 * One published version of the province configuration, as a request sees it: immutable, taken
 * once per request from {@link ProvinceConfigSource#snapshot()} and used for the whole request, so
 * that no answer mixes two versions.
 *
 * @param provinceCode the province ({@code PROVINCE#<code>})
 * @param version      the published version ({@code CONFIG#v000001} is 1)
 * @param sha256       the hash of the configuration's canonical JSON, as {@link ProvinceConfigStore} published it
 * @param publishedAt  when that version became the one in force (RFC 3339)
 * @param config       the configuration itself
 */
public record ProvinceSnapshot(String provinceCode, int version, String sha256, String publishedAt,
                               ProvinceConfig config) {
    public ProvinceSnapshot {
        Objects.requireNonNull(provinceCode, "provinceCode");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(config, "config");
    }
}
