package dev.bolide.broker.console;

/**
 * One cell of a console table: its text and, for a number that changes, the key under which the
 * page's script finds its new value in the view's JSON.
 *
 * @param key null for text that does not change while the page is shown
 * @param href where the text links to, or null
 */
record Cell(String key, String text, String href) {
    static Cell fixed(String text) {
        return new Cell(null, text, null);
    }

    static Cell live(String key, Object value) {
        return new Cell(key, String.valueOf(value), null);
    }

    static Cell link(String text, String href) {
        return new Cell(null, text, href);
    }
}
