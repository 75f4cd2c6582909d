package vn.smartprovince.province;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.province.ProvinceConfig;
import vn.smartprovince.shared.province.ProvinceConfigLoader;
import vn.smartprovince.shared.province.ProvinceConfigStore;
import vn.smartprovince.testkit.AwsEmulatorExtension;
import vn.smartprovince.testkit.LocalApiExtension;
import vn.smartprovince.zalostub.ZaloStubClient.NewUser;

/** What the end-to-end tests share: the demo province, sign-in through the Zalo stub, authorised GETs. */
final class ProvinceApiClient {
    static final String FIRST_ADMIN = "8100000000000000001";

    private final LocalApiExtension api;

    ProvinceApiClient(LocalApiExtension api) {
        this.api = api;
    }

    static ProvinceConfig demo() {
        return ProvinceConfigLoader.load(AwsEmulatorExtension.repoRoot().resolve(Path.of("infra", "demo", "tay-ninh.json")));
    }

    ProvinceConfigStore store() {
        return new ProvinceConfigStore(api.aws().dynamoDb(), api.aws().tableName("MainTable"));
    }

    /** A session token of a new Zalo user (with {@code zaloId}, or a fresh one when null). */
    String session(String name, String zaloId) throws Exception {
        NewUser user = NewUser.named(name);
        if (zaloId != null) {
            user = user.id(zaloId);
        }
        var created = api.zaloStub().createUser(user);
        HttpResponse<String> signedIn = api.post("/v1/auth/zalo",
                Json.write(Json.object().put("accessToken", created.accessToken())));
        assertEquals(200, signedIn.statusCode(), signedIn.body());
        return Json.read(signedIn.body()).path("sessionToken").asText();
    }

    HttpResponse<String> get(String path, String token, String... headers) throws Exception {
        String[] all = new String[headers.length + 2];
        all[0] = "authorization";
        all[1] = "Bearer " + token;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return api.get(path, all);
    }
}
