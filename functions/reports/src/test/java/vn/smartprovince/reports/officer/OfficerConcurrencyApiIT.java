package vn.smartprovince.reports.officer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.smartprovince.testkit.ApiClient.Person;
import vn.smartprovince.reports.ReportsApiClient;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.testkit.LocalApiExtension;

/**
 * Two officers answering one report at once through the local runtime: both sent version 1, one
 * gets 200 and the other 409 VERSION_MISMATCH. Its own class (its own emulator, runtime and relay):
 * on moto the loser's cancelled transaction stops the open stream readers (functions/notifications/README.md).
 */
class OfficerConcurrencyApiIT {
    static final String FIRST_ADMIN = "8100000000000000077";

    @RegisterExtension
    static LocalApiExtension api = ReportsApiClient.localApi(FIRST_ADMIN);

    static final ReportsApiClient client = new ReportsApiClient(api);
    static Person admin;

    @BeforeAll
    static void publishTheDemoProvinceAndSignInTheAdmin() throws Exception {
        admin = client.demoProvinceWithAdmin(FIRST_ADMIN);
    }

    @Test
    void twoOfficersAnsweringAtOnceGetOne200AndOne409() throws Exception {
        Person binh = client.citizen("Trần Văn Bình");
        Person first = client.officer("Cán bộ Một", "so-xay-dung", admin);
        Person second = client.officer("Cán bộ Hai", "so-xay-dung", admin);
        String id = client.submit(binh, ReportsApiClient.submission("STREET_LIGHT", "Đèn đường tắt cả tuần", Map.of()))
                .path("id").asText();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (Person officer : List.of(first, second)) {
                Callable<HttpResponse<String>> call = () -> {
                    start.await();
                    return client.send("POST", "/v1/reports/" + id + "/answer", officer,
                            "{\"text\": \"Đã thay bóng đèn.\", \"expectedVersion\": 1}");
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<HttpResponse<String>> future : futures) {
                HttpResponse<String> response = future.get();
                statuses.add(response.statusCode());
                if (response.statusCode() == 409) {
                    assertEquals("VERSION_MISMATCH", Json.read(response.body()).path("error").path("details").path(0)
                            .path("code").asText(), response.body());
                }
            }
            statuses.sort(null);
            assertEquals(List.of(200, 409), statuses);
        } finally {
            pool.shutdownNow();
        }
    }
}
