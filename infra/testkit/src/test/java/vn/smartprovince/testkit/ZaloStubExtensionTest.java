package vn.smartprovince.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.smartprovince.zalostub.Endpoint;
import vn.smartprovince.zalostub.ZaloErrors;
import vn.smartprovince.zalostub.ZaloStubClient;
import vn.smartprovince.zalostub.ZaloStubClient.Fault;

/** The stub without AWS. */
class ZaloStubExtensionTest {
    @RegisterExtension
    static ZaloStubExtension zalo = new ZaloStubExtension();

    @Test
    void givesTheSharedStubConfiguredAsTheLocalStack(ZaloStubClient client) throws Exception {
        assertEquals(zalo.baseUri(), client.baseUri());
        assertEquals(vn.smartprovince.local.LocalParameters.of(RepoRoot.get()).get("ZaloAppId"), zalo.config().appId());
        assertTrue(zalo.environment().get("ZALO_OAUTH_BASE_URL").endsWith(":" + zalo.baseUri().getPort()));

        client.fault(Fault.on(Endpoint.ZNS_TEMPLATE_INFO).error(ZaloErrors.REGION_RESTRICTED));
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                zalo.baseUri().resolve("/template/info/v2?template_id=900001"))
                .header("access_token", zalo.config().oaAccessToken()).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(answer.body().contains("-501"), answer.body());
        assertEquals(1, client.calls(Endpoint.ZNS_TEMPLATE_INFO).size());
    }
}
