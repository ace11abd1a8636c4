package io.kgate.load;

/** Lets the YAML parser read any JSON text, since JSON is YAML except for tab indentation. */
final class JsonText {
    private JsonText() {
    }

    /**
     * Replaces tabs outside strings by spaces, one for one, so every position stays the same. A tab
     * inside a string is left alone (it is invalid JSON and is reported as such).
     */
    static String tabsToSpaces(String text) {
        if (text.indexOf('\t') < 0) {
            return text;
        }
        char[] c = text.toCharArray();
        boolean inString = false;
        for (int i = 0; i < c.length; i++) {
            char ch = c[i];
            if (inString) {
                if (ch == '\\') {
                    i++;
                } else if (ch == '"') {
                    inString = false;
                }
            } else if (ch == '"') {
                inString = true;
            } else if (ch == '\t') {
                c[i] = ' ';
            }
        }
        return new String(c);
    }
}
