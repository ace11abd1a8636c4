import io.kgate.check.Check;
import io.kgate.check.Linter;
import io.kgate.check.identity.IdentityChecks;
import io.kgate.check.rules.RuleSet;
import io.kgate.check.schema.SchemaChecks;
import io.kgate.check.schema.SchemaOptions;
import io.kgate.load.LoadLimits;
import io.kgate.load.LoadResult;
import io.kgate.model.KubeObject;
import io.kgate.model.SourceFile;
import java.io.InputStream;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;

/**
 * What kgate keeps in memory per object between the file pass and the tree pass, every check on:
 * the heap held by the loaded objects and files (findings not counted) after a full collection,
 * divided by the number of objects; once as the tree pass keeps them, once with whole objects.
 *
 *   java -cp target/quarkus-app/app/kgate.jar:target/quarkus-app/lib/main/'*':DIR RetainedBytes TREE
 */
public final class RetainedBytes {
    public static void main(String[] args) throws Exception {
        List<Check> checks = new ArrayList<>(IdentityChecks.create());
        checks.addAll(SchemaChecks.create(SchemaOptions.defaults()));
        Linter linter = RuleSet.defaults().linter(checks);
        linter.lint(List.of(args[0]), InputStream.nullInputStream(), LoadLimits.DEFAULT); // loads every schema once
        measure("whole objects", linter.keepingWholeObjects(), args[0]);
        measure("retained fields", linter, args[0]);
    }

    private static void measure(String label, Linter linter, String tree) throws Exception {
        long before = usedAfterGc();
        LoadResult load = linter.loader(LoadLimits.DEFAULT, io.kgate.load.PathFilter.NONE).load(List.of(tree), InputStream.nullInputStream());
        List<KubeObject> objects = load.objects();
        List<SourceFile> files = load.files();
        load = null;
        long after = usedAfterGc();
        System.out.printf("%-24s %,d objects: %,d bytes per object%n", label, objects.size(),
                (after - before) / Math.max(1, objects.size()));
        Reference.reachabilityFence(objects);
        Reference.reachabilityFence(files);
    }

    private static long usedAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
