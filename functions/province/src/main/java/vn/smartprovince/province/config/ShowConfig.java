package vn.smartprovince.province.config;

import com.fasterxml.jackson.databind.JsonNode;
import vn.smartprovince.province.core.ConfigInForce;
import vn.smartprovince.province.core.ProvinceConfigs;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.EntityTags;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.province.ProvinceConfigLoader;
import vn.smartprovince.shared.province.ProvinceSnapshot;

/**
 * The configuration in force for a province administrator (403 for anyone else, before anything
 * is read): the file's content as published (it holds no secret: the loader refuses one) with its
 * version, publication time, hash and who applied it. Not modified when the caller holds its version.
 */
public final class ShowConfig {
    /** The body: what is in force and its identity; {@code config} is the province file as stored. */
    public record Body(String provinceCode, int version, String publishedAt, String sha256, String appliedBy,
                       String appliedAt, JsonNode config) {
    }

    public sealed interface Answer permits Shown, NotModified {
        String etag();
    }

    public record Shown(String etag, Body body) implements Answer {
    }

    public record NotModified(String etag) implements Answer {
    }

    private final ProvinceConfigs configs;

    public ShowConfig(ProvinceConfigs configs) {
        this.configs = configs;
    }

    /** 403 unless a province admin; 503 when no configuration is published. */
    public Answer show(Caller caller, String ifNoneMatch) {
        caller.requireProvinceAdmin();
        ConfigInForce inForce = configs.inForce()
                .orElseThrow(() -> ApiException.unavailable("province configuration not published"));
        String etag = inForce.etag();
        if (EntityTags.noneMatchHits(ifNoneMatch, etag)) {
            return new NotModified(etag);
        }
        ProvinceSnapshot snapshot = inForce.snapshot();
        return new Shown(etag, new Body(snapshot.provinceCode(), snapshot.version(), snapshot.publishedAt(),
                snapshot.sha256(), inForce.appliedBy(), inForce.appliedAt(),
                Json.read(ProvinceConfigLoader.toJson(snapshot.config()))));
    }
}
