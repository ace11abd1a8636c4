package io.kgate.check.rules;

import java.util.List;

/**
 * What a template reads of the tree, which decides when it runs and what the tree pass keeps:
 * <ul>
 * <li>{@link #OBJECT_ALONE}: each object by itself; it runs in the file pass, on the whole tree of
 * one object at a time;</li>
 * <li>{@link #fields}: several objects, but only these fields of them (besides identity and labels;
 * see {@link io.kgate.model.RetainedFields} for the syntax); it runs in the tree pass;</li>
 * <li>{@link #WHOLE_OBJECTS} (the default): several objects, any field; it runs in the tree pass and
 * every object is kept whole, which is always correct but costs memory on large trees.</li>
 * </ul>
 * A template that reports at a pointer must read it too: a finding is positioned on the kept tree.
 */
public record Reads(boolean alone, List<String> retained) {
    public static final Reads OBJECT_ALONE = new Reads(true, List.of());
    public static final Reads WHOLE_OBJECTS = new Reads(false, null);

    public static Reads fields(String... fields) {
        return new Reads(false, List.of(fields));
    }

    /** True when the tree pass needs every object whole. */
    public boolean whole() {
        return !alone && retained == null;
    }
}
