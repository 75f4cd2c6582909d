package vn.smartprovince.reports.core;

import java.util.List;

/**
 * A published report as anyone sees it (the feed, the map). Built ONLY from {@code store.PublicItems}
 * attributes, which never hold the reporter's id, name, phone, Zalo id, address text or rating
 * comment: whatever the "hide my identity" flag says, the public never learns who reported.
 * Coordinates are rounded to about 100 m.
 */
public record PublicView(String id, String category, String status, String areaCode, Location location,
                         String description, Answer answer, Agency agency, int supportCount, List<PhotoLinks.Link> photos,
                         String publishedAt, boolean moderated) {

    public record Location(double lat, double lng) {
    }

    public record Answer(String text, String answeredAt, List<PhotoLinks.Link> photos) {
    }

    public record Agency(String id, String name) {
    }

    public record Page(List<PublicView> items, String nextCursor) {
    }

    public record MapResult(List<PublicView> items, int cells, boolean truncated) {
    }
}
