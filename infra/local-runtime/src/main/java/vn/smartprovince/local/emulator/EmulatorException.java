package vn.smartprovince.local.emulator;

/** The emulator cannot be reached, started, reset or filled; the message says what to do. */
public class EmulatorException extends RuntimeException {
    public EmulatorException(String message) {
        super(message);
    }

    public EmulatorException(String message, Throwable cause) {
        super(message, cause);
    }
}
