package vn.smartprovince.province.news;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.smartprovince.province.Wiring;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.log.JsonLog;
import vn.smartprovince.shared.priming.Priming;
import vn.smartprovince.shared.priming.PrimingEvents;

/**
 * {@code ArticleSchedulerFunction}, on an EventBridge rule every minute: publishes the due
 * scheduled articles ({@link ArticleScheduler}) and logs what it did as one JSON line, with the
 * event's {@code id}. Answers {@code {published, skipped}}.
 */
public final class ArticleSchedulerHandler implements RequestStreamHandler {
    private final ArticleScheduler scheduler;

    public ArticleSchedulerHandler() {
        this(Env.current());
    }

    ArticleSchedulerHandler(Env env) {
        this(new ArticleScheduler(Wiring.articles(env), Clock.systemUTC()));
    }

    ArticleSchedulerHandler(ArticleScheduler scheduler) {
        this.scheduler = scheduler;
        // SnapStart: a scheduled run (reads only: a due article's publication is refused by the guard)
        Priming.register(this, handler -> PrimingEvents.schedule());
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = Json.MAPPER.readTree(input);
        String correlationId = event == null ? "" : event.path("id").asText("");
        if (!correlationId.matches("[\\x21-\\x7E]{1,200}")) {
            correlationId = context == null ? "news-scheduler" : context.getAwsRequestId();
        }
        ArticleScheduler.Counts counts = scheduler.run();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("correlationId", correlationId);
        fields.put("published", counts.published());
        fields.put("skipped", counts.skipped());
        JsonLog.info("news scheduler", fields);
        Json.MAPPER.writeValue(output, counts);
    }
}
