package vn.smartprovince.province.news;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import vn.smartprovince.province.Wiring;
import vn.smartprovince.shared.auth.AuthenticatedFunction;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpFunction;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;
import vn.smartprovince.shared.idempotency.Idempotency;

/**
 * The authors' routes, one method per function ({@code Handler:
 * vn.smartprovince.province.news.ArticleDeskHandler::<method>}); each function keeps its own Lambda,
 * route and policy. Answers are private ({@code no-store}) and carry the article's version as
 * {@code ETag} (send it back as {@code If-Match} or {@code expectedVersion}).
 */
public final class ArticleDeskHandler {
    private final ArticleDesk desk;

    public ArticleDeskHandler() {
        this(Env.current());
    }

    ArticleDeskHandler(Env env) {
        this(desk(env));
    }

    ArticleDeskHandler(ArticleDesk desk) {
        this.desk = desk;
    }

    private static ArticleDesk desk(Env env) {
        return new ArticleDesk(Wiring.articles(env), Wiring.articleCovers(env, true),
                Wiring.provinceConfig(env), Clock.systemUTC());
    }

    /** The use case (a method: the functions below are built before the constructor body runs). */
    private ArticleDesk desk() {
        return desk;
    }

    private interface Action {
        HttpResponse handle(HttpRequest request, Caller caller);
    }

    private static HttpFunction function(Action action) {
        return new AuthenticatedFunction() {
            @Override
            protected HttpResponse handle(HttpRequest request, Caller caller) {
                return action.handle(request, caller);
            }
        };
    }

    private static HttpResponse article(int status, com.fasterxml.jackson.databind.node.ObjectNode body) {
        return HttpResponse.privateJson(status, body).withHeader("etag", "\"" + body.path("version").asLong() + "\"");
    }

    private static String id(HttpRequest request) {
        return request.pathParameter("articleId").orElse(null);
    }

    private static String ifMatch(HttpRequest request) {
        return request.header("if-match").orElse(null);
    }

    private final HttpFunction create = function((request, caller) -> {
        ArticleDesk.Result result = desk().create(caller, Idempotency.key(request), request::jsonBody);
        return Idempotency.answer(article(201, result.body()), result.replayed());
    });
    private final HttpFunction edit = function((request, caller) ->
            article(200, desk().edit(caller, id(request), ifMatch(request), request::jsonBody)));
    private final HttpFunction publish = function((request, caller) ->
            article(200, desk().publish(caller, id(request), ifMatch(request), request::jsonBody)));
    private final HttpFunction unpublish = function((request, caller) ->
            article(200, desk().unpublish(caller, id(request), ifMatch(request), request::jsonBody)));
    private final HttpFunction pin = function((request, caller) ->
            article(200, desk().pin(caller, id(request), ifMatch(request), request::jsonBody)));
    private final HttpFunction show = function((request, caller) -> article(200, desk().show(caller, id(request))));
    private final HttpFunction list = function((request, caller) -> HttpResponse.privateJson(200,
            desk().list(caller, request.queryParameter("agencyId").orElse(null),
                    request.queryParameter("status").orElse(null), request.queryParameter("cursor").orElse(null),
                    request.pageLimit())));
    private final HttpFunction coverUpload = function((request, caller) ->
            HttpResponse.privateJson(200, desk().coverUpload(caller, request::jsonBody)));

    /** {@code POST /v1/news-desk/articles}: a new draft (Idempotency-Key). */
    public void create(InputStream input, OutputStream output, Context context) throws IOException {
        create.handleRequest(input, output, context);
    }

    /** {@code PATCH /v1/news-desk/articles/{articleId}}: change fields, with the version. */
    public void edit(InputStream input, OutputStream output, Context context) throws IOException {
        edit.handleRequest(input, output, context);
    }

    /** {@code POST /v1/news-desk/articles/{articleId}/publish}: now, or at {@code publishAt}. */
    public void publish(InputStream input, OutputStream output, Context context) throws IOException {
        publish.handleRequest(input, output, context);
    }

    /** {@code POST /v1/news-desk/articles/{articleId}/unpublish}. */
    public void unpublish(InputStream input, OutputStream output, Context context) throws IOException {
        unpublish.handleRequest(input, output, context);
    }

    /** {@code POST /v1/news-desk/articles/{articleId}/pin}: {@code {pinned}}. */
    public void pin(InputStream input, OutputStream output, Context context) throws IOException {
        pin.handleRequest(input, output, context);
    }

    /** {@code GET /v1/news-desk/articles/{articleId}}: the article as its authors see it. */
    public void show(InputStream input, OutputStream output, Context context) throws IOException {
        show.handleRequest(input, output, context);
    }

    /** {@code GET /v1/news-desk/articles?status=&agencyId=&limit=&cursor=}: the desk, last changed first. */
    public void list(InputStream input, OutputStream output, Context context) throws IOException {
        list.handleRequest(input, output, context);
    }

    /** {@code POST /v1/news-desk/cover-uploads}: a presigned cover upload. */
    public void coverUpload(InputStream input, OutputStream output, Context context) throws IOException {
        coverUpload.handleRequest(input, output, context);
    }
}
