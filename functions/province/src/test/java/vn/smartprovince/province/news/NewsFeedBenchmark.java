package vn.smartprovince.province.news;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import vn.smartprovince.province.Wiring;
import vn.smartprovince.province.core.Article;
import vn.smartprovince.province.core.ArticleCategory;
import vn.smartprovince.province.core.ArticleStatus;
import vn.smartprovince.province.core.ArticleStore;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.province.ProvinceConfig;
import vn.smartprovince.shared.province.ProvinceConfigLoader;
import vn.smartprovince.testkit.RepoRoot;
import vn.smartprovince.testkit.bench.WarmCall;
import vn.smartprovince.testkit.bench.WarmRoute;

/**
 * Warm overhead of {@code GET /v1/news} on events/news-feed-get.json (a commune's feed, 20 a
 * page): 20 published articles from memory, each cover's link signed as the function signs it
 * (SigV4, made-up credentials, no network), the etag and the page encoded. Run by
 * infra/bin/benchmark-warm, never as a test.
 */
@State(Scope.Benchmark)
public class NewsFeedBenchmark {
    private WarmCall call;

    @Setup
    public void setUp() {
        ProvinceConfig demo = ProvinceConfigLoader.load(RepoRoot.get().resolve(Path.of("infra", "demo", "tay-ninh.json")));
        Instant now = Instant.parse("2026-12-07T02:00:00Z");
        List<Article> published = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String id = String.format("art_%024d", i);
            Instant at = now.minusSeconds(3600L * (i + 1));
            published.add(new Article(id, 2, ArticleStatus.PUBLISHED, "Lịch tiếp công dân tháng 12 của UBND phường số " + i,
                    "Ủy ban nhân dân phường thông báo lịch tiếp công dân định kỳ và đột xuất trong tháng.",
                    "<p>Nội dung bài viết.</p>", ArticleCategory.NEWS, List.of("DEMO-P02"), "article-covers/" + id + ".jpg",
                    null, "9000000000000000101", i == 0, null, at, at, at, null));
        }
        var covers = Wiring.articleCovers(new Env(Map.of("AWS_REGION", "ap-southeast-1",
                "AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE", "AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                "PHOTO_BUCKET", "report-photos")), false);
        NewsReading reading = new NewsReading(new PublishedArticles(published), covers, () -> demo,
                Clock.fixed(now, ZoneOffset.UTC));
        call = WarmCall.of(new NewsHandler(reading)::feed, "news-feed-get.json").expectStatus(200);
    }

    @Benchmark
    @WarmRoute(function = "NewsFeedFunction", route = "GET /v1/news")
    public int feed() {
        return call.invoke();
    }

    /** The feed's first page, always these articles; nothing else is asked of it. */
    record PublishedArticles(List<Article> items) implements ArticleStore {
        @Override
        public Page feed(ArticleCategory category, String commune, String afterKey, int limit) {
            return new Page(items.subList(0, Math.min(limit, items.size())), null);
        }

        @Override
        public Optional<Article> find(String id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Article> findAll(Collection<String> ids) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean create(Article article) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean replace(Article previous, Article next) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Article> due(Instant now, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<WordHit> wordHits(String word, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Page desk(String agencyId, ArticleStatus status, String afterKey, int limit) {
            throw new UnsupportedOperationException();
        }
    }
}
