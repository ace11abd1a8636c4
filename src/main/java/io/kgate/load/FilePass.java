package io.kgate.load;

import io.kgate.finding.Finding;
import io.kgate.model.KubeObject;
import io.kgate.model.SourceFile;
import java.util.List;
import java.util.function.Consumer;

/**
 * Work on one file's objects right after the file is parsed, in the thread that parsed it: the
 * per-object checks, then dropping what later passes do not need. A large tree then never has all
 * of its parsed documents in memory at once.
 */
public interface FilePass {
    /** Keeps every object as parsed and reports nothing. */
    FilePass NONE = (file, objects, out) -> objects;

    /** Reports the problems of {@code objects} (all from {@code file}) and returns what to keep of them. */
    List<KubeObject> apply(SourceFile file, List<KubeObject> objects, Consumer<Finding> out);
}
