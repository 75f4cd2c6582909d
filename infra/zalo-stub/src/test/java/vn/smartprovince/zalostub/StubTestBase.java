package vn.smartprovince.zalostub;

import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The contract tests' fixture: a stub of {@link StubFixture#config()} started before a test class
 * and closed after it, reset before each test (before the subclass's own {@code @BeforeEach}).
 * The fields are shared by the subclasses, so test classes must not run in parallel (Surefire's
 * default).
 */
abstract class StubTestBase {
    static ZaloStub stub;
    static ZaloStubClient control;
    static URI base;

    @BeforeAll
    static void startStub() {
        stub = StubFixture.start();
        control = stub.client();
        base = stub.baseUri();
    }

    @AfterAll
    static void stopStub() {
        stub.close();
    }

    @BeforeEach
    void resetStub() {
        control.reset();
    }
}
