package io.kgate.report;

import java.io.IOException;
/** A small streaming JSON writer: enough for kgate's reports, with correct string escaping. */
public final class Json {
    private final StringBuilder sb = new StringBuilder();
    private final boolean pretty;
    private int depth;
    private boolean first = true;

    public Json(boolean pretty) {
        this.pretty = pretty;
    }

    public Json beginObject() {
        value();
        sb.append('{');
        depth++;
        first = true;
        return this;
    }

    public Json endObject() {
        depth--;
        if (!first) {
            newline();
        }
        sb.append('}');
        first = false;
        return this;
    }

    public Json beginArray() {
        value();
        sb.append('[');
        depth++;
        first = true;
        return this;
    }

    public Json endArray() {
        depth--;
        if (!first) {
            newline();
        }
        sb.append(']');
        first = false;
        return this;
    }

    public Json name(String name) {
        separator();
        string(name);
        sb.append(pretty ? ": " : ":");
        pendingValue = true;
        return this;
    }

    private boolean pendingValue;

    private void value() {
        if (pendingValue) {
            pendingValue = false;
        } else if (depth > 0) {
            separator();
        }
    }

    private void separator() {
        if (!first) {
            sb.append(',');
        }
        first = false;
        newline();
    }

    private void newline() {
        if (pretty) {
            sb.append('\n');
            sb.append("  ".repeat(depth));
        }
    }

    public Json value(String s) {
        value();
        if (s == null) {
            sb.append("null");
        } else {
            string(s);
        }
        first = false;
        return this;
    }

    public Json value(long n) {
        value();
        sb.append(n);
        first = false;
        return this;
    }

    public Json value(boolean b) {
        value();
        sb.append(b);
        first = false;
        return this;
    }

    /** name + string value; skipped entirely when the value is null. */
    public Json field(String name, String value) {
        return value == null ? this : name(name).value(value);
    }

    public Json field(String name, long value) {
        return name(name).value(value);
    }

    private void string(String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    @Override
    public String toString() {
        return sb.toString();
    }

    /** What is written so far passed on to {@code out} once it is long, and dropped here: the writer's state stays. */
    public void passOnWhenFull(Appendable out) throws IOException {
        Reporter.passOnWhenFull(sb, out);
    }

    /** The rest passed on to {@code out}, then {@code end} (the document's last newline). */
    public void passOn(Appendable out, String end) throws IOException {
        out.append(sb).append(end);
        sb.setLength(0);
    }
}
