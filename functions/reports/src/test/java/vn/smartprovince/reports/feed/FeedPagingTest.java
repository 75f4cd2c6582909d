package vn.smartprovince.reports.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.smartprovince.reports.core.Cursors;
import vn.smartprovince.shared.http.ApiException;

/** The merge of the four shards by publication time, and the feed's cursors. */
class FeedPagingTest {
    private static Map<String, AttributeValue> item(String sk) {
        return Map.of("gsi1sk", AttributeValue.fromS(sk));
    }

    private static String key(int minute, char c) {
        return String.format("2026-11-28T09:%02d:00.000Z#r%s", minute, String.valueOf(c).repeat(24));
    }

    private static List<String> keys(FeedStore.Page page) {
        return page.items().stream().map(i -> i.get("gsi1sk").s()).toList();
    }

    @Test
    void shardsAreMergedNewestFirstAndTheNextPageStartsBelowTheLastItem() {
        var reads = List.of(
                new FeedStore.Read(List.of(item(key(50, 'a')), item(key(20, 'a'))), null),
                new FeedStore.Read(List.of(item(key(45, 'b')), item(key(44, 'b'))), null),
                new FeedStore.Read(List.of(), null),
                new FeedStore.Read(List.of(item(key(30, 'c'))), null));
        FeedStore.Page page = FeedStore.merge(reads, "gsi1sk", 3);
        assertEquals(List.of(key(50, 'a'), key(45, 'b'), key(44, 'b')), keys(page));
        assertEquals(key(44, 'b'), page.lastSortKey());
        FeedStore.Page rest = FeedStore.merge(reads, "gsi1sk", 10);
        assertEquals(List.of(key(50, 'a'), key(45, 'b'), key(44, 'b'), key(30, 'c'), key(20, 'a')), keys(rest));
        assertNull(rest.lastSortKey(), "every shard read to its end");
    }

    @Test
    void aShardThatStoppedEarlyBoundsThePage() {
        // Shard 0 read down to minute 40 only: items below it in other shards are not safe to answer yet.
        var reads = List.of(
                new FeedStore.Read(List.of(item(key(50, 'a')), item(key(40, 'a'))), key(40, 'a')),
                new FeedStore.Read(List.of(item(key(45, 'b')), item(key(10, 'b'))), null));
        FeedStore.Page page = FeedStore.merge(reads, "gsi1sk", 10);
        assertEquals(List.of(key(50, 'a'), key(45, 'b'), key(40, 'a')), keys(page));
        assertEquals(key(40, 'a'), page.lastSortKey(), "continue below the frontier");
    }

    @Test
    void pagesNeitherRepeatNorSkipAcrossShards() {
        List<List<Map<String, AttributeValue>>> shards = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            shards.add(new ArrayList<>());
        }
        List<String> all = new ArrayList<>();
        for (int minute = 59; minute >= 0; minute--) {
            String k = key(minute, (char) ('a' + minute % 7));
            all.add(k);
            shards.get(minute * 7 % 4).add(item(k));
        }
        List<String> seen = new ArrayList<>();
        String before = null;
        do {
            String bound = before;
            var reads = shards.stream().map(items -> {
                List<Map<String, AttributeValue>> below = items.stream()
                        .filter(i -> bound == null || i.get("gsi1sk").s().compareTo(bound) < 0).toList();
                List<Map<String, AttributeValue>> read = below.subList(0, Math.min(7, below.size()));
                return new FeedStore.Read(read, below.size() > 7 ? read.get(6).get("gsi1sk").s() : null);
            }).toList();
            FeedStore.Page page = FeedStore.merge(reads, "gsi1sk", 7);
            seen.addAll(keys(page));
            before = page.lastSortKey();
        } while (before != null);
        assertEquals(all, seen);
    }

    @Test
    void aCursorContinuesOnlyItsOwnFiltersAndATamperedOneIs400() {
        FeedStore.Filters road = new FeedStore.Filters("ROAD_DAMAGE", null, null);
        String cursor = Cursors.encode("feed", PublicFeed.owner(road), key(44, 'b'));
        assertEquals(key(44, 'b'), Cursors.decode(cursor, "feed", PublicFeed.owner(road), PublicFeed.SORT));
        String other = PublicFeed.owner(new FeedStore.Filters("FLOODING", null, null));
        for (String bad : List.of(cursor + "A", cursor.substring(1), "bm9wZQ",
                Cursors.encode("feed", PublicFeed.owner(road), "2026-11-28T09:00:00Z#nope"))) {
            ApiException e = assertThrows(ApiException.class,
                    () -> Cursors.decode(bad, "feed", PublicFeed.owner(road), PublicFeed.SORT));
            assertEquals("INVALID_CURSOR", e.details().get(0).code());
        }
        assertThrows(ApiException.class, () -> Cursors.decode(cursor, "feed", other, PublicFeed.SORT));
        assertThrows(ApiException.class, () -> Cursors.decode(cursor, "mine", PublicFeed.owner(road), PublicFeed.SORT));
    }
}
