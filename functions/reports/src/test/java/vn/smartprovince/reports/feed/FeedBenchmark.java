package vn.smartprovince.reports.feed;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import vn.smartprovince.reports.Fixtures;
import vn.smartprovince.reports.WarmFixtures;
import vn.smartprovince.reports.core.Ids;
import vn.smartprovince.reports.core.Moderation;
import vn.smartprovince.reports.store.PublicItems;
import vn.smartprovince.testkit.bench.WarmCall;
import vn.smartprovince.testkit.bench.WarmRoute;

/**
 * Warm overhead of {@code GET /v1/feed} on events/reports-feed-list.json (category filter, 20 a
 * page): the four shards' queries answered from memory (200 published reports), merged, each
 * item's photo links signed, the page encoded. Run by infra/bin/benchmark-warm, never as a test.
 */
@State(Scope.Benchmark)
public class FeedBenchmark {
    private WarmCall call;

    @Setup
    public void setUp() {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Instant answered = WarmFixtures.EVENT_TIME.minusSeconds(600L * i);
            items.add(PublicItems.publicItem(WarmFixtures.answered(Ids.random(), Fixtures.CITIZEN, answered), Moderation.NONE));
        }
        Clock clock = Clock.fixed(WarmFixtures.EVENT_TIME, ZoneOffset.UTC);
        PublicFeed feed = new PublicFeed(new FeedStore(new QueriedTable(items), "Main"), () -> Fixtures.DEMO,
                WarmFixtures.signer(), clock);
        call = WarmCall.of(new FeedHandler(feed), "reports-feed-list.json").expectStatus(200);
    }

    @Benchmark
    @WarmRoute(function = "FeedFunction", route = "GET /v1/feed")
    public int feed() {
        return call.invoke();
    }

    /**
     * Answers a Query as DynamoDB would on these items: the key condition ({@code #pk = :pk}, and
     * {@code #sk < :before}), equality filters, newest first, the limit and the last key.
     */
    record QueriedTable(List<Map<String, AttributeValue>> items) implements DynamoDbClient {
        @Override
        public QueryResponse query(QueryRequest query) {
            Map<String, String> names = query.expressionAttributeNames();
            Map<String, AttributeValue> values = query.expressionAttributeValues();
            String pk = names.get("#pk");
            String sk = pk.replace("pk", "sk");
            List<Map<String, AttributeValue>> matching = new ArrayList<>();
            for (Map<String, AttributeValue> item : items) {
                boolean keep = values.get(":pk").equals(item.get(pk))
                        && (!values.containsKey(":before") || item.get(sk).s().compareTo(values.get(":before").s()) < 0);
                for (var name : names.entrySet()) {
                    String placeholder = ":" + name.getValue();
                    if (keep && !name.getKey().equals("#pk") && !name.getKey().equals("#sk") && values.containsKey(placeholder)) {
                        keep = values.get(placeholder).equals(item.get(name.getValue()));
                    }
                }
                if (keep) {
                    matching.add(item);
                }
            }
            matching.sort(Comparator.comparing((Map<String, AttributeValue> item) -> item.get(sk).s()).reversed());
            if (matching.size() <= query.limit()) {
                return QueryResponse.builder().items(matching).count(matching.size()).build();
            }
            List<Map<String, AttributeValue>> page = matching.subList(0, query.limit());
            Map<String, AttributeValue> last = page.get(page.size() - 1);
            return QueryResponse.builder().items(page).count(page.size())
                    .lastEvaluatedKey(Map.of(pk, last.get(pk), sk, last.get(sk), "pk", last.get("pk"), "sk", last.get("sk")))
                    .build();
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {
        }
    }
}
