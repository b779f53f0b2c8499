package dev.bolide.ra.crash;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Narayana's recovery listener (WildFly's {@code recovery-listener}, port 4712 + the port offset):
 * a crash test asks it for a recovery pass instead of waiting up to two minutes for the periodic one,
 * whose first pass may run before the adapter is deployed.
 */
public record NarayanaRecoveryListener(int port) {

    /** One full recovery pass: Narayana answers DONE when the pass has ended. */
    public void scan() {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write("SCAN\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            if (!"DONE".equals(answer)) {
                throw new AssertionError("Narayana answered SCAN with " + answer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
