package io.kgate.load;

import io.kgate.model.MapNode;
import io.kgate.model.Pos;
import java.util.ArrayList;
import java.util.List;

/**
 * A reader for the YAML that manifests are written in: block mappings and sequences (indentless ones
 * too), plain scalars on one line, quoted scalars on one line, literal and folded block scalars,
 * one-line flow sequences of scalars, {@code []} and {@code {}}, comments. It reads such a document
 * several times faster than snakeyaml-engine and allocates a fraction of what it does, which is most
 * of kgate's time on a large tree.
 *
 * <p>Anything else (anchors and aliases, tags, multi-line plain or quoted scalars, nested flow
 * collections, tabs, carriage returns, explicit keys, directives, broken text) makes {@link #read}
 * return null, and the caller reads the document with snakeyaml-engine, which knows all of YAML and
 * words the errors. Both build the same tree through {@link YamlTreeBuilder}, positions included:
 * {@code BlockYamlParityTest} compares them on every test tree and corpus.
 */
final class BlockYaml {
    /** The reader met something it leaves to snakeyaml-engine; no stack trace, it is not an error. */
    private static final class NotBlock extends RuntimeException {
        private static final NotBlock INSTANCE = new NotBlock();

        private NotBlock() {
            super(null, null, false, false);
        }
    }

    /**
     * Deeper documents go to snakeyaml-engine (which reads without recursion): this reader recurses
     * once per level, and manifests nest about a dozen levels.
     */
    private static final int MAX_DEPTH = 48;
    /** snakeyaml-engine refuses simple keys longer than 1024 characters; such keys go to it. */
    private static final int MAX_KEY = 1000;

    private final String text;
    /** text[start, end), scanned here: chars[i - start] is text.charAt(i) without a call each. */
    private final char[] chars;
    private final SharedStrings shared = SharedStrings.ofThread();
    /** The document is text[start, end): a file's text is read in place, not cut into documents. */
    private final int start;
    private final int end;
    private final int lineOffset;
    private final YamlTreeBuilder tree;
    private final int maxDepth;

    // the next line with content not consumed yet (blank and comment lines are skipped)
    private boolean eof;
    private int line; // 0-based, within text
    private int lineStart;
    private int lineEnd; // index of its '\n', or end
    private int at; // where its content starts (after a "- " when a mapping starts on a sequence entry's line)
    private int indent; // column of at

    private BlockYaml(String text, char[] chars, int start, int end, int lineOffset, LoadLimits limits) {
        this.text = text;
        this.chars = chars;
        this.start = start;
        this.end = end;
        this.lineOffset = lineOffset;
        this.tree = new YamlTreeBuilder(limits, lineOffset);
        this.maxDepth = Math.min(MAX_DEPTH, limits.maxDepth());
    }

    /** The document in {@code text} (one at most), or null when snakeyaml-engine must read it. */
    static YamlTreeBuilder.Result read(String text, int lineOffset, LoadLimits limits) {
        return read(text, 0, text.length(), lineOffset, limits);
    }

    /** {@link #read(String, int, LoadLimits)} of the document text[start, end). */
    static YamlTreeBuilder.Result read(String text, int start, int end, int lineOffset, LoadLimits limits) {
        char[] chars = TextChars.of(text, start, end);
        if (!simpleCharacters(chars, end - start)) {
            return null;
        }
        try {
            return new BlockYaml(text, chars, start, end, lineOffset, limits).document();
        } catch (NotBlock e) {
            return null;
        }
    }

    /**
     * Only line feeds and printable characters of the Basic Multilingual Plane: columns are then
     * characters, as snakeyaml-engine counts them, and nothing needs its checks of special characters.
     */
    private static boolean simpleCharacters(char[] chars, int length) {
        for (int i = 0; i < length; i++) {
            char c = chars[i];
            if (c < 0x20 ? c != '\n'
                    : c >= 0x7f && (c < 0xa0 || c == 0x2028 || c == 0x2029 || c >= 0xd800 && c <= 0xdfff || c >= 0xfeff)) {
                return false;
            }
        }
        return true;
    }

    private YamlTreeBuilder.Result document() {
        seek(start, 0);
        if (!eof && lineStart == start && at + 3 <= lineEnd && text.startsWith("---", at)
                && (at + 3 == lineEnd || chars[at + 3 - start] == ' ')) {
            endOfLine(at + 3); // the document start marker, with nothing after it
            next();
        }
        if (eof) {
            return tree.result(); // no content: an empty document
        }
        if (chars[at - start] == '%') {
            throw NotBlock.INSTANCE; // a directive
        }
        int rootIndent = indent;
        if (dash()) {
            sequence(rootIndent);
        } else if (keyColon(at) >= 0) {
            mapping(rootIndent);
        } else {
            throw NotBlock.INSTANCE; // a scalar or flow document, not a manifest's shape
        }
        if (!eof) {
            throw NotBlock.INSTANCE; // content after the root: an error snakeyaml-engine words
        }
        return tree.result();
    }

    // --- lines

    /** Moves to the first line with content at or after index {@code from}, which is line {@code lineNo}. */
    private void seek(int from, int lineNo) {
        line = lineNo;
        while (from < end) {
            int nl = text.indexOf('\n', from, end);
            lineStart = from;
            lineEnd = nl < 0 ? end : nl;
            int i = from;
            while (i < lineEnd && chars[i - start] == ' ') {
                i++;
            }
            if (i < lineEnd && chars[i - start] != '#') {
                at = i;
                indent = i - from;
                eof = false;
                return;
            }
            from = lineEnd + 1;
            line++;
        }
        eof = true;
    }

    /** Moves past the current line. */
    private void next() {
        seek(lineEnd + 1, line + 1);
    }

    private Pos pos(int index) {
        return new Pos(line + 1 + lineOffset, index - lineStart + 1);
    }

    /** {@link #pos} as one number ({@link MapNode#packPosition}): what keys and scalars take, no object each. */
    private long position(int index) {
        return MapNode.packPosition(line + 1 + lineOffset, index - lineStart + 1);
    }

    /** text.substring(from, to), the same String as an earlier cut of the same characters. */
    private String cut(int from, int to) {
        return shared.cut(text, chars, start, from, to);
    }

    private int skipSpaces(int i) {
        while (i < lineEnd && chars[i - start] == ' ') {
            i++;
        }
        return i;
    }

    /** Nothing but spaces and a comment may follow index {@code i} on the current line. */
    private void endOfLine(int i) {
        int j = skipSpaces(i);
        if (j < lineEnd && (chars[j - start] != '#' || j == i)) {
            throw NotBlock.INSTANCE;
        }
    }

    /** The current content is a sequence entry: "-" then a space or the end of the line. */
    private boolean dash() {
        return chars[at - start] == '-' && (at + 1 == lineEnd || chars[at + 1 - start] == ' ');
    }

    private void open(boolean mapping, long pos) {
        if (tree.depth() >= maxDepth) {
            throw NotBlock.INSTANCE;
        }
        tree.startCollection(mapping, pos, null);
    }

    // --- block collections

    /** A block mapping whose keys are at column {@code keyIndent}, from the current content on. */
    private void mapping(int keyIndent) {
        open(true, position(at));
        while (!eof && indent == keyIndent) {
            if (dash()) {
                throw NotBlock.INSTANCE; // an entry at the column of keys
            }
            int colon = key();
            int v = skipSpaces(colon + 1);
            if (v == lineEnd || chars[v - start] == '#') {
                long empty = position(colon + 1);
                next();
                if (!eof && indent > keyIndent) {
                    nested();
                } else if (!eof && indent == keyIndent && dash()) {
                    sequence(keyIndent); // an indentless sequence: "key:" then "- item" at the key's column
                } else {
                    tree.add(YamlTreeBuilder.plain(empty, ""));
                }
            } else {
                value(v, keyIndent);
            }
        }
        if (!eof && indent > keyIndent) {
            throw NotBlock.INSTANCE;
        }
        tree.endCollection();
    }

    /** A block sequence whose "-" are at column {@code dashIndent}. */
    private void sequence(int dashIndent) {
        open(false, position(at));
        while (!eof && indent == dashIndent && dash()) {
            int v = skipSpaces(at + 1);
            if (v == lineEnd || chars[v - start] == '#') {
                long empty = position(at + 1);
                next();
                if (!eof && indent > dashIndent) {
                    nested();
                } else {
                    tree.add(YamlTreeBuilder.plain(empty, ""));
                }
            } else if (chars[v - start] == '-' && (v + 1 == lineEnd || chars[v + 1 - start] == ' ')) {
                throw NotBlock.INSTANCE; // "- - x"
            } else if (keyColon(v) >= 0) {
                at = v; // a mapping that starts on the entry's line: its keys are at this column
                indent = v - lineStart;
                mapping(indent);
            } else {
                value(v, dashIndent);
            }
        }
        if (!eof && indent > dashIndent) {
            throw NotBlock.INSTANCE;
        }
        tree.endCollection();
    }

    /** A collection on the lines after "key:" or "-", more indented than them. */
    private void nested() {
        if (dash()) {
            sequence(indent);
        } else if (keyColon(at) >= 0) {
            mapping(indent);
        } else {
            throw NotBlock.INSTANCE; // a scalar on the next line (a multi-line plain scalar)
        }
    }

    // --- keys

    /** Reads the key at the current content and adds it; returns the index of its ':'. */
    private int key() {
        int colon = keyColon(at);
        if (colon < 0) {
            throw NotBlock.INSTANCE;
        }
        char c = chars[at - start];
        if (c == '"' || c == '\'') {
            tree.key(position(at), quotedText(at, quoteEnd(at)), true);
        } else {
            int e = colon;
            while (chars[e - 1 - start] == ' ') {
                e--;
            }
            tree.key(position(at), cut(at, e), false);
        }
        return colon;
    }

    /**
     * When a simple key starts at {@code i} (a plain or one-line quoted scalar followed by ':' and a
     * space or the end of the line), the index of that ':'; else -1.
     */
    private int keyColon(int i) {
        char c = chars[i - start];
        int j;
        if (c == '"' || c == '\'') {
            int close = quoteEnd(i);
            if (close < 0) {
                return -1;
            }
            j = skipSpaces(close + 1);
            return j < lineEnd && chars[j - start] == ':' && (j + 1 == lineEnd || chars[j + 1 - start] == ' ') ? j : -1;
        }
        if (!plainStart(i)) {
            return -1;
        }
        for (j = i + 1; j < lineEnd; j++) {
            char d = chars[j - start];
            if (d == ':' && (j + 1 == lineEnd || chars[j + 1 - start] == ' ')) {
                return j - i > MAX_KEY ? -1 : j;
            }
            if (d == '#' && chars[j - 1 - start] == ' ') {
                return -1;
            }
        }
        return -1;
    }

    /** A plain scalar may start at {@code i}: not an indicator (a "-", "?" or ":" only before a non-space). */
    private boolean plainStart(int i) {
        char c = chars[i - start];
        switch (c) {
            case '-', '?', ':' -> {
                return i + 1 < lineEnd && chars[i + 1 - start] != ' ' && c == '-';
            }
            case ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`' -> {
                return false;
            }
            default -> {
                return true;
            }
        }
    }

    // --- values

    /** The value at {@code v} on the current line, after "key:" or "-" of a collection at {@code parentIndent}. */
    private void value(int v, int parentIndent) {
        char c = chars[v - start];
        switch (c) {
            case '|', '>' -> {
                blockScalar(v, parentIndent);
                return; // it moved to the line after its content
            }
            case '"', '\'' -> {
                int close = quoteEnd(v);
                if (close < 0) {
                    throw NotBlock.INSTANCE;
                }
                endOfLine(close + 1);
                tree.add(YamlTreeBuilder.quoted(position(v), quotedText(v, close)));
            }
            case '[' -> flowSequence(v);
            case '{' -> {
                int close = skipSpaces(v + 1);
                if (close == lineEnd || chars[close - start] != '}') {
                    throw NotBlock.INSTANCE; // a flow mapping with content
                }
                endOfLine(close + 1);
                open(true, position(v));
                tree.endCollection();
            }
            default -> {
                if (!plainStart(v)) {
                    throw NotBlock.INSTANCE;
                }
                int e = plainEnd(v);
                tree.add(YamlTreeBuilder.plain(position(v), cut(v, e)));
            }
        }
        next();
        if (!eof && indent > parentIndent) {
            throw NotBlock.INSTANCE; // a continuation line, or an error: snakeyaml-engine decides
        }
    }

    /** Where the plain scalar starting at {@code v} ends (trailing spaces and a comment excluded). */
    private int plainEnd(int v) {
        int e = lineEnd;
        for (int j = v + 1; j < lineEnd; j++) {
            char d = chars[j - start];
            if (d == ':' && (j + 1 == lineEnd || chars[j + 1 - start] == ' ')) {
                throw NotBlock.INSTANCE; // "a: b: c" is an error
            }
            if (d == '#' && chars[j - 1 - start] == ' ') {
                e = j;
                break;
            }
        }
        while (chars[e - 1 - start] == ' ') {
            e--;
        }
        return e;
    }

    /** A flow sequence on one line: {@code []}, or scalars separated by commas. */
    private void flowSequence(int v) {
        open(false, position(v));
        int i = skipSpaces(v + 1);
        if (i < lineEnd && chars[i - start] == ']') {
            tree.endCollection();
            endOfLine(i + 1);
            return;
        }
        while (true) {
            if (i >= lineEnd) {
                throw NotBlock.INSTANCE; // continues on the next line
            }
            char c = chars[i - start];
            int after;
            if (c == '"' || c == '\'') {
                int close = quoteEnd(i);
                if (close < 0) {
                    throw NotBlock.INSTANCE;
                }
                tree.add(YamlTreeBuilder.quoted(position(i), quotedText(i, close)));
                after = close + 1;
            } else {
                if (!plainStart(i) || c == '-') {
                    throw NotBlock.INSTANCE;
                }
                int j = i;
                while (j < lineEnd) {
                    char d = chars[j - start];
                    if (d == ',' || d == ']') {
                        break;
                    }
                    if (d == '[' || d == '{' || d == '}' || d == ':' || d == '#' && chars[j - 1 - start] == ' ') {
                        throw NotBlock.INSTANCE;
                    }
                    j++;
                }
                int e = j;
                while (chars[e - 1 - start] == ' ') {
                    e--;
                }
                tree.add(YamlTreeBuilder.plain(position(i), cut(i, e)));
                after = j;
            }
            i = skipSpaces(after);
            if (i < lineEnd && chars[i - start] == ',') {
                i = skipSpaces(i + 1);
                if (i < lineEnd && chars[i - start] == ']') {
                    throw NotBlock.INSTANCE; // a trailing comma
                }
            } else if (i < lineEnd && chars[i - start] == ']') {
                tree.endCollection();
                endOfLine(i + 1);
                return;
            } else {
                throw NotBlock.INSTANCE;
            }
        }
    }

    /** The index of the quote closing the scalar opened at {@code q} ('"' or '\''), on its line; -1 when none. */
    private int quoteEnd(int q) {
        return chars[q - start] == '"' ? doubleQuoteEnd(q) : singleQuoteEnd(q);
    }

    /** The value of the quoted scalar from {@code q} to {@code close}, its escapes resolved. */
    private String quotedText(int q, int close) {
        return chars[q - start] == '"' ? doubleQuoted(q, close) : singleQuoted(q, close);
    }

    /** The index of the '"' closing the double-quoted scalar opened at {@code q}, on its line; -1 when none. */
    private int doubleQuoteEnd(int q) {
        for (int i = q + 1; i < lineEnd; i++) {
            char c = chars[i - start];
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return -1;
    }

    private int singleQuoteEnd(int q) {
        for (int i = q + 1; i < lineEnd; i++) {
            if (chars[i - start] == '\'') {
                if (i + 1 < lineEnd && chars[i + 1 - start] == '\'') {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    private String singleQuoted(int q, int close) {
        String s = cut(q + 1, close);
        return s.indexOf('\'') < 0 ? s : s.replace("''", "'");
    }

    private String doubleQuoted(int q, int close) {
        int slash = text.indexOf('\\', q + 1, close); // to the closing quote only: not the rest of the text each time
        if (slash < 0) {
            return cut(q + 1, close);
        }
        StringBuilder sb = new StringBuilder(close - q);
        int i = q + 1;
        while (i < close) {
            char c = chars[i - start];
            if (c != '\\') {
                sb.append(c);
                i++;
                continue;
            }
            char e = chars[i + 1 - start];
            i += 2;
            switch (e) {
                case '\\', '"', '/' -> sb.append(e);
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case '0' -> sb.append('\0');
                case 'x', 'u', 'U' -> {
                    int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                    if (i + digits > close) {
                        throw NotBlock.INSTANCE;
                    }
                    int cp = 0;
                    for (int k = 0; k < digits; k++) {
                        int d = Character.digit(chars[i + k - start], 16);
                        if (d < 0) {
                            throw NotBlock.INSTANCE;
                        }
                        cp = cp * 16 + d;
                    }
                    if (cp > Character.MAX_CODE_POINT || cp >= 0xd800 && cp <= 0xdfff) {
                        throw NotBlock.INSTANCE;
                    }
                    sb.appendCodePoint(cp);
                    i += digits;
                }
                default -> throw NotBlock.INSTANCE; // the rarer escapes: left to snakeyaml-engine
            }
        }
        return sb.toString();
    }

    // --- block scalars

    /**
     * A literal ({@code |}) or folded ({@code >}) scalar whose indicator is at {@code v}, with clip or
     * strip chomping. Its content is the following lines indented more than {@code parentIndent}.
     */
    private void blockScalar(int v, int parentIndent) {
        boolean literal = chars[v - start] == '|';
        int i = v + 1;
        boolean strip = false;
        if (i < lineEnd && chars[i - start] == '-') {
            strip = true;
            i++;
        } else if (i < lineEnd && (chars[i - start] == '+' || Character.isDigit(chars[i - start]))) {
            throw NotBlock.INSTANCE; // keep chomping, an indentation indicator
        }
        endOfLine(i);
        Pos pos = pos(v);
        if (lineEnd >= end) {
            throw NotBlock.INSTANCE; // nothing after the header
        }
        // the content's indentation is that of its first non-blank line
        int from = lineEnd + 1;
        int lineNo = line + 1;
        int blockIndent = -1;
        int widestBlank = 0;
        for (int s = from; s < end;) {
            int nl = text.indexOf('\n', s, end);
            int e = nl < 0 ? end : nl;
            int k = s;
            while (k < e && chars[k - start] == ' ') {
                k++;
            }
            if (k < e) {
                blockIndent = k - s;
                break;
            }
            widestBlank = Math.max(widestBlank, e - s);
            s = e + 1;
        }
        if (blockIndent <= parentIndent || widestBlank > blockIndent) {
            throw NotBlock.INSTANCE; // empty, or blank lines wider than the content: rare, and subtle
        }
        List<String> lines = new ArrayList<>();
        int lastContent = -1; // index in lines of the last non-blank line
        int s = from;
        int ln = lineNo;
        while (s < end) {
            int nl = text.indexOf('\n', s, end);
            int e = nl < 0 ? end : nl;
            int k = s;
            while (k < e && chars[k - start] == ' ') {
                k++;
            }
            if (k == e) { // blank
                if (e - s > blockIndent) {
                    throw NotBlock.INSTANCE;
                }
                lines.add("");
            } else if (k - s >= blockIndent) {
                if (nl < 0 || (!literal && k - s > blockIndent)) {
                    throw NotBlock.INSTANCE; // no final line break; a more-indented line of a folded scalar
                }
                lines.add(text.substring(s + blockIndent, e));
                lastContent = lines.size() - 1;
            } else {
                break; // less indented: the scalar has ended
            }
            s = e + 1;
            ln++;
        }
        StringBuilder sb = new StringBuilder();
        if (literal) {
            for (int k = 0; k <= lastContent; k++) {
                sb.append(lines.get(k));
                if (k < lastContent) {
                    sb.append('\n');
                }
            }
        } else {
            int breaks = 0;
            boolean first = true;
            for (int k = 0; k <= lastContent; k++) {
                String l = lines.get(k);
                if (l.isEmpty()) {
                    breaks++;
                    continue;
                }
                if (!first && breaks == 0) {
                    sb.append(' ');
                }
                for (int b = 0; b < breaks; b++) {
                    sb.append('\n');
                }
                sb.append(l);
                first = false;
                breaks = 0;
            }
        }
        if (!strip) {
            sb.append('\n');
        }
        tree.add(YamlTreeBuilder.quoted(pos, sb.toString()));
        seek(s, ln); // a line indented less than the content but more than the parent: the caller refuses it
    }
}
