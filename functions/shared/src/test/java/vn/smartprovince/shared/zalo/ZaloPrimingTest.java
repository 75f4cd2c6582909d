package vn.smartprovince.shared.zalo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.smartprovince.shared.priming.Priming;
import vn.smartprovince.shared.priming.PrimingRefusedException;

/** SnapStart priming never reaches Zalo: not a send, not a token refresh, not even a read. */
class ZaloPrimingTest {
    private FakeZalo zalo;
    private ZaloClient client;
    private LogCapture quiet;

    @BeforeEach
    void start() throws Exception {
        quiet = new LogCapture();
        zalo = new FakeZalo();
        client = zalo.client("app-secret-0123456789");
    }

    @AfterEach
    void stop() {
        zalo.close();
        quiet.close();
    }

    @Test
    void everyCallIsRefusedWhilePrimingAndGoesOutOtherwise() {
        List<RuntimeException> failures = new ArrayList<>();
        Priming.prime("zalo", () -> {
            for (Runnable call : List.<Runnable>of(
                    () -> client.user("user-access-token"),
                    () -> client.sendZns("oa-access-token", new ZnsMessage("84912345678", "7895417", Map.of(), "t-1", false)),
                    () -> client.sendOaText("oa-access-token", "4400000000000000001", "Xin chào"),
                    () -> client.refreshOaToken("oa-refresh-token"))) {
                try {
                    call.run();
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            }
        });

        assertEquals(4, failures.size());
        failures.forEach(failure -> assertInstanceOf(PrimingRefusedException.class, failure));
        assertTrue(zalo.seen.isEmpty(), "nothing reached Zalo: " + zalo.seen);

        zalo.answerJson("{\"id\":\"5827184923\",\"name\":\"A\"}");
        assertEquals("5827184923", client.user("user-access-token").id());
        assertEquals(1, zalo.seen.size());
    }
}
