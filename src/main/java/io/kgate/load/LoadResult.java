package io.kgate.load;

import io.kgate.finding.Finding;
import io.kgate.model.KubeObject;
import io.kgate.model.SourceFile;
import java.util.List;

/**
 * Everything read from the user's paths: the files, the objects found in them (in file order),
 * problems that prevented reading (as findings), and what was skipped with a reason.
 */
public record LoadResult(List<SourceFile> files, int documents, List<KubeObject> objects, List<Finding> findings,
        List<Skipped> skipped) {
}
