package io.kgate.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kgate.finding.Finding;
import io.kgate.model.KubeObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file a walk found is read without asking its size again: what it holds when it is read is what
 * counts, whether it grew or shrank after the walk read its attributes, and the size limit still holds.
 * The filter changes the file: the walk asks it after reading the file's attributes, before the reading.
 */
@Tag("in-process") // the loader's reading, not the command line
class ChangedAfterWalkTest {
    private static final String ONE = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: first\n";
    private static final String TWO = ONE + "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: second\n";

    private static LoadResult load(Path tree, LoadLimits limits, Consumer<Path> changeWhenFound) throws Exception {
        PathFilter changing = (path, directory, given) -> {
            if (!directory) {
                changeWhenFound.accept(path);
            }
            return null;
        };
        // one thread: every file is found before any is read
        return new Loader(limits, changing, FilePass.NONE, 1).load(List.of(tree.toString()),
                new ByteArrayInputStream(new byte[0]));
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> names(LoadResult r) {
        return r.objects().stream().map(KubeObject::name).toList();
    }

    @Test
    void aFileThatGrewIsReadWhole(@TempDir Path tree) throws Exception {
        write(tree.resolve("a.yaml"), ONE);
        LoadResult r = load(tree, LoadLimits.DEFAULT, f -> write(f, TWO));
        assertEquals(List.of("first", "second"), names(r), r.findings()::toString);
        assertEquals(List.of(), r.findings());
    }

    @Test
    void aFileThatShrankIsReadAsItIsNow(@TempDir Path tree) throws Exception {
        write(tree.resolve("a.yaml"), TWO);
        LoadResult r = load(tree, LoadLimits.DEFAULT, f -> write(f, ONE));
        assertEquals(List.of("first"), names(r), r.findings()::toString);
        assertEquals(List.of(), r.findings());
    }

    @Test
    void aFileThatGrewPastTheLimitIsRefused(@TempDir Path tree) throws Exception {
        write(tree.resolve("a.yaml"), ONE);
        LoadLimits limits = LoadLimits.DEFAULT.withMaxFileBytes(ONE.length() + 8);
        LoadResult r = load(tree, limits, f -> write(f, TWO));
        assertEquals(List.of(), names(r));
        List<String> messages = r.findings().stream().map(Finding::message).toList();
        assertEquals(1, messages.size(), messages::toString);
        assertEquals("file is 0.0 MiB, larger than the 0 MiB limit (--max-file-size)", messages.getFirst());
    }

    @Test
    void aFileAsTheWalkSawItIsReadAsIs(@TempDir Path tree) throws Exception {
        write(tree.resolve("a.yaml"), TWO);
        write(tree.resolve("empty.yaml"), "");
        LoadResult r = load(tree, LoadLimits.DEFAULT, f -> { });
        assertEquals(List.of("first", "second"), names(r));
        assertEquals(2, r.files().size());
    }
}
