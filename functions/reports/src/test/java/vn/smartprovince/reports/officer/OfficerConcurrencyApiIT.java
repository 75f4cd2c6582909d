package vn.smartprovince.reports.officer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.province.ProvinceConfigLoader;
import vn.smartprovince.shared.province.ProvinceConfigStore;
import vn.smartprovince.testkit.AwsEmulatorExtension;
import vn.smartprovince.testkit.LocalApiExtension;
import vn.smartprovince.zalostub.ZaloStubClient;
import vn.smartprovince.zalostub.ZaloStubClient.NewUser;

/**
 * Two officers answering one report at once through the local runtime: both sent version 1, one
 * gets 200 and the other 409 VERSION_MISMATCH. Its own class (its own emulator, runtime and relay):
 * on moto the loser's cancelled transaction stops the open stream readers (functions/notifications/README.md).
 */
class OfficerConcurrencyApiIT {
    static final String FIRST_ADMIN = "8100000000000000077";

    @RegisterExtension
    static LocalApiExtension api = new LocalApiExtension(AwsEmulatorExtension.builder()
            .parameter("FirstAdminZaloId", FIRST_ADMIN).build());

    static String admin;

    @BeforeAll
    static void publishTheDemoProvinceAndSignInTheAdmin() throws Exception {
        new ProvinceConfigStore(api.aws().dynamoDb(), api.aws().tableName("MainTable")).publish(ProvinceConfigLoader.load(
                AwsEmulatorExtension.repoRoot().resolve(Path.of("infra", "demo", "tay-ninh.json"))));
        admin = signIn(api.zaloStub().createUser(NewUser.named("Quản trị tỉnh").id(FIRST_ADMIN)));
    }

    record Person(String id, String token) {
    }

    private static String signIn(ZaloStubClient.StubUser user) throws Exception {
        HttpResponse<String> response = api.post("/v1/auth/zalo",
                Json.write(Json.object().put("accessToken", user.accessToken())));
        assertEquals(200, response.statusCode(), response.body());
        return Json.read(response.body()).path("sessionToken").asText();
    }

    private static Person citizen(String name) throws Exception {
        ZaloStubClient.StubUser user = api.zaloStub().createUser(NewUser.named(name));
        return new Person(user.id(), signIn(user));
    }

    private static Person officer(String name, String agencyId) throws Exception {
        Person person = citizen(name);
        HttpResponse<String> granted = send("PUT", "/v1/users/" + person.id() + "/officer-role", admin,
                "{\"agencyId\": \"" + agencyId + "\"}");
        assertEquals(200, granted.statusCode(), granted.body());
        return person;
    }

    private static HttpResponse<String> send(String method, String path, String token, String json, String... headers)
            throws Exception {
        HttpRequest.Builder request = api.request(path).header("authorization", "Bearer " + token)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("content-type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return api.send(request.build());
    }

    private static String submit(Person citizen, String category, String description) throws Exception {
        var body = Json.object().put("category", category).put("description", description);
        body.putObject("location").put("lat", 11.3101).put("lng", 106.0985).put("address", "12 Đường 30/4")
                .put("areaCode", "DEMO-P02");
        HttpResponse<String> created = send("POST", "/v1/reports", citizen.token(), Json.write(body));
        assertEquals(201, created.statusCode(), created.body());
        return Json.read(created.body()).path("id").asText();
    }

    @Test
    void twoOfficersAnsweringAtOnceGetOne200AndOne409() throws Exception {
        Person binh = citizen("Trần Văn Bình");
        Person first = officer("Cán bộ Một", "so-xay-dung");
        Person second = officer("Cán bộ Hai", "so-xay-dung");
        String id = submit(binh, "STREET_LIGHT", "Đèn đường tắt cả tuần");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (Person officer : List.of(first, second)) {
                Callable<HttpResponse<String>> call = () -> {
                    start.await();
                    return send("POST", "/v1/reports/" + id + "/answer", officer.token(),
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
