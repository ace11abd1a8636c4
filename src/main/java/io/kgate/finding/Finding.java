package io.kgate.finding;

import io.kgate.model.JsonPointer;
import io.kgate.model.KubeObject;
import io.kgate.model.ObjectRef;
import io.kgate.model.Pos;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One problem at one place. {@code object} and {@code path} are null for findings about a whole
 * file (a YAML syntax error, an unreadable file). The place is held as its line and column, not a
 * {@link Pos}: a large run holds hundreds of thousands of findings, and each object held is work for
 * every complete collection.
 */
public record Finding(String rule, Severity severity, String message, String file, int line, int column,
        ObjectRef object, String path) {

    public Finding {
        path = JsonPointer.shared(path);
    }

    public Finding(String rule, Severity severity, String message, String file, Pos pos, ObjectRef object,
            String path) {
        this(rule, severity, message, file, pos.line(), pos.column(), object, path);
    }

    /** Where the problem is. */
    public Pos pos() {
        return new Pos(line, column);
    }

    /**
     * The order of files in a report: by path segments, stdin ("-") first; names that differ only in
     * their separators ("a/b", "a\\b") by their characters.
     */
    public static final Comparator<String> FILE_ORDER = FileOrder.COMPARATOR.thenComparing(Comparator.naturalOrder());

    /**
     * {@code files} in {@link #FILE_ORDER}, sorted by a key made once per name and compared as plain
     * text: the comparator, called half a million times for 33,000 names, took a sixth of a second.
     */
    public static List<String> inFileOrder(Collection<String> files) {
        String[][] keyed = new String[files.size()][];
        int i = 0;
        for (String f : files) {
            keyed[i++] = new String[] {FileOrder.key(f), f}; // names equal but for their separators: by their characters
        }
        Arrays.sort(keyed, (a, b) -> {
            int c = a[0].compareTo(b[0]);
            return c != 0 ? c : a[1].compareTo(b[1]);
        });
        List<String> out = new ArrayList<>(keyed.length);
        for (String[] k : keyed) {
            out.add(k[1]);
        }
        return out;
    }

    /** Stable report order: file, line, column, rule, message. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::file, FILE_ORDER)
            .thenComparingInt(Finding::line)
            .thenComparingInt(Finding::column)
            .thenComparing(Finding::rule)
            .thenComparing(Finding::message);

    public static Finding onFile(String rule, Severity severity, String message, String file, Pos pos) {
        return new Finding(rule, severity, message, file, pos, null, null);
    }

    /** A finding at the key of {@code pointer} in {@code obj} (or its nearest existing parent). */
    public static Finding at(String rule, Severity severity, KubeObject obj, String pointer, String message) {
        return new Finding(rule, severity, message, obj.file().displayName(), obj.positionOf(pointer), obj.ref(),
                pointer);
    }

    // written out: the native image runs a record's generated equals and hashCode through method
    // handles, and a run deduplicates all its findings in a hash set
    @Override
    public boolean equals(Object o) {
        return o instanceof Finding f && severity == f.severity && line == f.line && column == f.column
                && Objects.equals(rule, f.rule) && Objects.equals(file, f.file) && Objects.equals(message, f.message)
                && Objects.equals(object, f.object) && Objects.equals(path, f.path);
    }

    @Override
    public int hashCode() {
        // what Objects.hash gives for these fields, without an array and a boxed number per finding
        int h = 31 + Objects.hashCode(rule);
        h = 31 * h + Objects.hashCode(severity);
        h = 31 * h + Objects.hashCode(message);
        h = 31 * h + Objects.hashCode(file);
        h = 31 * h + (line * 31 + column);
        h = 31 * h + Objects.hashCode(object);
        return 31 * h + Objects.hashCode(path);
    }

    public Finding withSeverity(Severity s) {
        return new Finding(rule, s, message, file, line, column, object, path);
    }
}
