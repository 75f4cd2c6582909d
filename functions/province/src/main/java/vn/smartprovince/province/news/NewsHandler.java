package vn.smartprovince.province.news;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import vn.smartprovince.province.Wiring;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpFunction;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;

/**
 * The public routes (no session), one method per function: {@code GET /v1/news} (feed and search)
 * and {@code GET /v1/news/{articleId}}. Cacheable: {@code ETag}, 304 on a matching
 * {@code If-None-Match}; {@code Cache-Control: public} with {@value #FEED_CACHE} for the feed (it
 * changes as articles are published) and {@value #ARTICLE_CACHE} for an article.
 */
public final class NewsHandler {
    static final String FEED_CACHE = "public, max-age=60";
    static final String ARTICLE_CACHE = "public, max-age=300";

    private final NewsReading reading;

    public NewsHandler() {
        this(Env.current());
    }

    NewsHandler(Env env) {
        this(reading(env));
    }

    NewsHandler(NewsReading reading) {
        this.reading = reading;
    }

    private static NewsReading reading(Env env) {
        return new NewsReading(Wiring.articles(env), Wiring.articleCovers(env, false),
                Wiring.provinceConfig(env), Clock.systemUTC());
    }

    /** The use case (a method: the functions below are built before the constructor body runs). */
    private NewsReading reading() {
        return reading;
    }

    private static HttpResponse answer(NewsReading.Answer answer, String cacheControl) {
        return HttpResponse.cacheable(answer.notModified() ? null : answer.body(), answer.etag(), cacheControl);
    }

    private final HttpFunction feed = new HttpFunction() {
        @Override
        protected HttpResponse handle(HttpRequest request) {
            return answer(reading().feed(request.queryParameter("category").orElse(null),
                    request.queryParameter("commune").orElse(null), request.queryParameter("q").orElse(null),
                    request.queryParameter("cursor").orElse(null), request.pageLimit(),
                    request.header("if-none-match").orElse(null)), FEED_CACHE);
        }
    };

    private final HttpFunction article = new HttpFunction() {
        @Override
        protected HttpResponse handle(HttpRequest request) {
            return answer(reading().article(request.pathParameter("articleId").orElse(null),
                    request.header("if-none-match").orElse(null)), ARTICLE_CACHE);
        }
    };

    /** {@code GET /v1/news?category=&commune=&q=&limit=&cursor=}. */
    public void feed(InputStream input, OutputStream output, Context context) throws IOException {
        feed.handleRequest(input, output, context);
    }

    /** {@code GET /v1/news/{articleId}}. */
    public void article(InputStream input, OutputStream output, Context context) throws IOException {
        article.handleRequest(input, output, context);
    }
}
