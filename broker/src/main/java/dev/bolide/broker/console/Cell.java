package dev.bolide.broker.console;

import java.time.Duration;
import java.time.Instant;

/**
 * One cell of a console table: its text and, for a number that changes, the key under which the
 * page's script finds its new value in the view's JSON.
 *
 * @param key null for text that does not change while the page is shown
 * @param href where the text links to, or null
 * @param post true when the text is a button that POSTs to {@code href} (an admin's action)
 */
record Cell(String key, String text, String href, boolean post) {
    static Cell fixed(String text) {
        return new Cell(null, text, null, false);
    }

    static Cell live(String key, Object value) {
        return new Cell(key, String.valueOf(value), null, false);
    }

    static Cell link(String text, String href) {
        return new Cell(null, text, href, false);
    }

    static Cell button(String text, String href) {
        return new Cell(null, text, href, true);
    }

    /** A time, as an instant. */
    static Cell time(long millis) {
        return fixed(Instant.ofEpochMilli(millis).toString());
    }

    /** How long ago {@code since} was at {@code now}, in whole seconds; 0 for a time ahead of {@code now}. */
    static Cell age(long since, long now) {
        return fixed(Duration.ofMillis(Math.max(0, now - since)).toSeconds() + " s");
    }
}
