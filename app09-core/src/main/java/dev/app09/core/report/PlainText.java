package dev.app09.core.report;

/**
 * Keeps untrusted text (display names from a tenant, subjects from a certificate file) from
 * steering a terminal or a page.
 */
public final class PlainText {

    private PlainText() {
    }

    /**
     * Replaces control and format characters (terminal escapes, line breaks, bidirectional
     * overrides) with a space.
     *
     * @param value untrusted text
     * @return the text, safe to print on a terminal
     */
    public static String clean(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                out.append(' ');
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    /** Cleans, then escapes what Markdown would read as markup, HTML or a table border. */
    static String markdown(String value) {
        String clean = clean(value);
        StringBuilder out = new StringBuilder(clean.length() + 8);
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            if ("\\`*_[]<>|#!~".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
