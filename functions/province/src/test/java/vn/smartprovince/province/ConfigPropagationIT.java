package vn.smartprovince.province;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.province.Agency;
import vn.smartprovince.shared.province.ProvinceConfig;
import vn.smartprovince.shared.province.ProvinceConfigSource;
import vn.smartprovince.testkit.AwsEmulatorExtension;
import vn.smartprovince.testkit.LocalApiExtension;

/**
 * Measures how long a published version takes to be served: while the local runtime serves (warm
 * function instances holding the previous version), a new version is published at a random
 * moment of the refresh interval, then GET /v1/province/config and GET /v1/report-categories are
 * polled until each shows it. Prints the delays of every run; fails only when one exceeds the
 * stated bound ({@link ProvinceConfigSource#DEFAULT_REFRESH_SECONDS}, the templates set no other)
 * plus generous slack. {@code -Dpropagation.runs=N} (default 3); each run takes up to two intervals.
 */
class ConfigPropagationIT {
    static final Duration SLACK = Duration.ofSeconds(30);

    @RegisterExtension
    static LocalApiExtension api = new LocalApiExtension(AwsEmulatorExtension.builder()
            .parameter("FirstAdminZaloId", ProvinceApiClient.FIRST_ADMIN).build());

    @Test
    void everyFunctionServesANewVersionWithinTheStatedBound() throws Exception {
        ProvinceApiClient client = new ProvinceApiClient(api);
        ProvinceConfig demo = ProvinceApiClient.demo();
        int version = client.store().publish(demo).version();
        String admin = client.session("Quản trị", ProvinceApiClient.FIRST_ADMIN);
        assertEquals(version, configVersion(client, admin), "a new instance reads at once");
        assertEquals(version, categoriesVersion(), "a new instance reads at once");

        Duration bound = Duration.ofSeconds(ProvinceConfigSource.DEFAULT_REFRESH_SECONDS);
        int runs = Integer.getInteger("propagation.runs", 3);
        List<String> lines = new ArrayList<>();
        long worst = 0;
        for (int run = 1; run <= runs; run++) {
            Thread.sleep(ThreadLocalRandom.current().nextLong(bound.toMillis()));
            int next = client.store().publish(renamed(demo, "Sở Xây dựng (lần " + run + ")")).version();
            long published = System.nanoTime();
            long configMs = -1;
            long categoriesMs = -1;
            long deadline = published + bound.plus(SLACK).toNanos();
            while ((configMs < 0 || categoriesMs < 0) && System.nanoTime() < deadline) {
                if (configMs < 0 && configVersion(client, admin) == next) {
                    configMs = (System.nanoTime() - published) / 1_000_000;
                }
                if (categoriesMs < 0 && categoriesVersion() == next) {
                    categoriesMs = (System.nanoTime() - published) / 1_000_000;
                }
                Thread.sleep(200);
            }
            String line = String.format("propagation run %d: version %d served by GET /v1/province/config after %s, "
                    + "by GET /v1/report-categories after %s (bound %d s)", run, next, seconds(configMs),
                    seconds(categoriesMs), bound.toSeconds());
            System.out.println(line);
            lines.add(line);
            assertTrue(configMs >= 0 && categoriesMs >= 0, line + ": not served within the bound plus "
                    + SLACK.toSeconds() + " s");
            worst = Math.max(worst, Math.max(configMs, categoriesMs));
        }
        System.out.println("propagation: worst " + seconds(worst) + " over " + runs + " runs; bound "
                + bound.toSeconds() + " s");
    }

    private static String seconds(long millis) {
        return millis < 0 ? "never" : String.format("%.1f s", millis / 1000.0);
    }

    private static int configVersion(ProvinceApiClient client, String admin) throws Exception {
        HttpResponse<String> response = client.get("/v1/province/config", admin);
        assertEquals(200, response.statusCode(), response.body());
        return Json.read(response.body()).path("version").asInt();
    }

    private static int categoriesVersion() throws Exception {
        HttpResponse<String> response = api.get("/v1/report-categories");
        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = Json.read(response.body());
        return body.path("configVersion").asInt();
    }

    static ProvinceConfig renamed(ProvinceConfig config, String name) {
        var agencies = new ArrayList<>(config.agencies());
        Agency first = agencies.get(0);
        agencies.set(0, new Agency(first.id(), name, first.kind(), first.contactPhone(), first.allAreas(), first.areaCodes(), first.unitCode()));
        return new ProvinceConfig(config.schemaVersion(), config.demo(), config.province(), config.zalo(), config.areas(),
                agencies, config.categories(), config.routing(), config.holidayCalendar(), config.notificationTemplates(),
                config.procedures());
    }
}
