package io.kgate.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Files are read in one order whether their paths are compared as names or as text. ASCII names only:
 * CI runs without a UTF-8 locale, where the JVM cannot make a Path of other names.
 */
class PathsOrderTest {
    private static final List<String> PATHS = List.of("a", "a/b", "a-b", "a.yaml", "a/b/c.yaml", "a/b-c.yaml",
            "a/b.yaml", "ab", "a b/x", "A/x", "z", "a/a", "a0/x", "~/x", "e/x", "a/b/c/d.yaml", "a/bc");

    @Test
    void aWalkedFileIsNamedAsRelativizeNamesIt() {
        // the walk strips its root's text from each path it meets; relativize is the reference
        for (String root : List.of("", "k8s", "k8s/", "./k8s", ".", "..", "../k8s", "a/../k8s", "a/./k8s", "/", "/srv/k8s")) {
            Path r = Path.of(root);
            for (String name : List.of("x.yaml", "apps/x.yaml", "a b/c.yaml")) {
                Path p = r.resolve(name);
                assertEquals(r.relativize(p).toString(), Loader.relativeName(r, p), root + " + " + name);
            }
        }
    }

    @Test
    void textOrderIsNameOrder() {
        for (String a : PATHS) {
            for (String b : PATHS) {
                assertEquals(Integer.signum(Paths.compare(Path.of(a), Path.of(b))),
                        Integer.signum(Paths.compare(a, b)), a + " vs " + b);
            }
        }
    }
}
