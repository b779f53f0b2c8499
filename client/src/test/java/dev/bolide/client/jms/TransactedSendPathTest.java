package dev.bolide.client.jms;

import jakarta.jms.Session;

/** A transacted session: sends are held or sent as half messages, and made visible by commit. */
class TransactedSendPathTest extends SendPathContract {
    @Override
    SendingSession open() throws Exception {
        Session session = connection().createSession(Session.SESSION_TRANSACTED);
        return new SendingSession(session, session::commit);
    }
}
