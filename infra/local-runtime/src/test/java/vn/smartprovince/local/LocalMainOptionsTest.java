package vn.smartprovince.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** start-local's options for the Zalo stub's delivery receipts, and where the stub posts them. */
class LocalMainOptionsTest {
    static final Path ROOT = Path.of("/repo");

    @Test
    void receiptsAreOnByDefaultHalfASecondAfterEachMessage() {
        LocalMain.Options options = LocalMain.Options.parse(new String[0], ROOT);
        assertTrue(options.zaloReceipts());
        assertEquals(500, options.zaloReceiptDelayMs());
    }

    @Test
    void receiptsCanBeDelayedOrTurnedOff() {
        LocalMain.Options later = LocalMain.Options.parse(new String[] {"--zalo-receipt-delay-ms", "3000"}, ROOT);
        assertEquals(3000, later.zaloReceiptDelayMs());
        assertFalse(LocalMain.Options.parse(new String[] {"--no-zalo-receipts", "--port", "3005"}, ROOT).zaloReceipts());
    }

    @Test
    void theStubPostsToTheRuntimesOwnWebhookOnAnAddressItCanReach() {
        assertEquals(URI.create("http://127.0.0.1:3000/v1/zalo/webhook"), LocalMain.webhookUrl("127.0.0.1", 3000));
        assertEquals(URI.create("http://127.0.0.1:3100/v1/zalo/webhook"), LocalMain.webhookUrl("0.0.0.0", 3100));
        assertEquals(URI.create("http://192.168.1.20:3000/v1/zalo/webhook"), LocalMain.webhookUrl("192.168.1.20", 3000));
    }

    @Test
    void theOneStopFakeListensOn3002UnlessToldOtherwise() {
        assertEquals(3002, LocalMain.Options.parse(new String[0], ROOT).oneStopPort());
        assertEquals(0, LocalMain.Options.parse(new String[] {"--one-stop-port", "0"}, ROOT).oneStopPort());
        assertEquals(URI.create("http://127.0.0.1:3000/v1/one-stop/updates"),
                LocalMain.reachable("0.0.0.0", 3000, LocalMain.ONE_STOP_UPDATES_PATH));
    }
}
