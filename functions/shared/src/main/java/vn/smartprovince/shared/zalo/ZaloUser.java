package vn.smartprovince.shared.zalo;

/**
 * The user behind a mini app access token ({@code GET /v2.0/me}).
 *
 * @param id        the Zalo user id, unique per Zalo App
 * @param name      display name
 * @param avatarUrl {@code picture.data.url}; null when Zalo sends none
 */
public record ZaloUser(String id, String name, String avatarUrl) {
}
