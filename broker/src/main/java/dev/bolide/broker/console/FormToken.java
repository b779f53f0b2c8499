package dev.bolide.broker.console;

/**
 * The token a page of the console puts into each of its POST forms, derived from the browser's
 * console session ({@link CsrfGuard}): a form posted from another site lacks it, so the console
 * refuses it.
 */
record FormToken(String value) {
    /** The name of the form field that carries the token. */
    static final String FIELD = "csrf";

    /**
     * A form that POSTs to {@code action} with this token.
     *
     * @param action  not escaped
     * @param content the form's inputs and button, already escaped
     */
    String form(String action, String content) {
        return "<form method=\"post\" action=\"" + Html.escape(action) + "\"><input type=\"hidden\" name=\"" + FIELD
                + "\" value=\"" + Html.escape(value) + "\">" + content + "</form>";
    }
}
