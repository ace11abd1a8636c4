package io.kgate.check;

import io.kgate.load.LoadResult;
import io.kgate.model.KubeObject;
import java.util.List;

/** What a check sees: every object of the tree, whatever file or directory it came from. */
public record CheckContext(LoadResult load) {
    public List<KubeObject> objects() {
        return load.objects();
    }
}
