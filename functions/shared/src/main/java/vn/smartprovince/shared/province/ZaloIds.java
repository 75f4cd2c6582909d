package vn.smartprovince.shared.province;

/** The province's Zalo Mini App id and Official Account id. Ids only: secrets live in Secrets Manager. */
public record ZaloIds(String miniAppId, String oaId) {
}
