package vn.smartprovince.local.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

class EmulatorTest {

    @Test
    void startedMotoIsStoppedOnClose() {
        Emulator moto = Emulator.startMoto(0, Emulator.DEFAULT_REGION);
        URI endpoint = moto.endpoint();
        try {
            assertTrue(moto.owned());
            assertSame(Emulator.Kind.MOTO, moto.kind());
            assertTrue(Emulator.answers(endpoint));
            assertEquals(Emulator.DEFAULT_ACCOUNT, moto.accountId());
            assertEquals(endpoint.toString(), moto.environment().get("AWS_ENDPOINT_URL"));
        } finally {
            moto.close();
        }
        assertFalse(Emulator.answers(endpoint), "moto_server stopped with its process tree");
    }

    @Test
    void aRunningEmulatorIsUsedAndLeftRunning() {
        Emulator running = TestEmulator.get();
        // Given as AWS_ENDPOINT_URL ...
        Emulator given = Emulator.connectOrStart(running.endpoint().toString(), Emulator.DEFAULT_PORT,
                Emulator.DEFAULT_REGION);
        // ... or found answering on the launcher's port.
        Emulator found = Emulator.connectOrStart(null, running.endpoint().getPort(), Emulator.DEFAULT_REGION);
        for (Emulator emulator : new Emulator[] {given, found}) {
            assertFalse(emulator.owned());
            assertSame(Emulator.Kind.MOTO, emulator.kind());
            assertEquals(running.endpoint(), emulator.endpoint());
            emulator.close();
        }
        assertTrue(Emulator.answers(running.endpoint()), "not stopped by those who did not start it");
    }

    @Test
    void endpointThatDoesNotAnswerOnThisMachineGetsAMotoOnItsPort() {
        int port = Emulator.freePort();
        try (Emulator emulator = Emulator.connectOrStart("http://localhost:" + port, Emulator.DEFAULT_PORT,
                Emulator.DEFAULT_REGION)) {
            assertTrue(emulator.owned());
            assertEquals(port, emulator.endpoint().getPort());
        }
    }

    @Test
    void missingMotoServerSaysHowToInstallIt() {
        EmulatorException error = assertThrows(EmulatorException.class,
                () -> Emulator.startMoto(0, Emulator.DEFAULT_REGION, "no-such-moto-server-here"));
        assertTrue(error.getMessage().contains("pip install \"moto[server]\""), error.getMessage());
    }
}
