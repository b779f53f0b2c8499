package dev.bolide.client.jms;

import jakarta.jms.Session;

/** A plain session: each send goes straight to the broker; nothing to complete. */
class DirectSendPathTest extends SendPathContract {
    @Override
    SendingSession open() throws Exception {
        return new SendingSession(connection().createSession(Session.AUTO_ACKNOWLEDGE), () -> { });
    }
}
