package vn.smartprovince.benchmark;

import java.io.IOException;

/**
 * The baseline: a JVM that starts and prints one line. The parent times process start to that
 * line, then reads the process's CPU time and peak memory while this JVM waits for the parent to
 * close its stdin (so it cannot exit before it is measured).
 */
public final class PrintLine {
    private PrintLine() {
    }

    public static void main(String[] args) throws IOException {
        long mainEntered = System.nanoTime();
        System.out.println("READY");
        System.out.flush();
        // After the timed line. System.nanoTime is CLOCK_MONOTONIC on Linux, the parent's clock too.
        System.out.println("TIMES main=" + mainEntered);
        System.out.flush();
        while (System.in.read() >= 0) {
            // until the parent closes stdin
        }
    }
}
