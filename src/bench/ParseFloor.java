import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;

/**
 * The floor of the benchmark: read every .yaml/.yml file under a directory and run snakeyaml-engine's
 * parser over it (events only, the same library and settings kgate builds its tree from), on all
 * cores. kgate cannot be faster than this; src/bench/bench.sh reports its time as a multiple of it.
 *
 *   java -cp snakeyaml-engine.jar:DIR ParseFloor TREE
 */
public final class ParseFloor {
    public static void main(String[] args) throws IOException {
        LoadSettings settings = LoadSettings.builder().setAllowDuplicateKeys(true).setCodePointLimit(Integer.MAX_VALUE)
                .setParseComments(false).build();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of(args[0]))) {
            files = walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        }
        long events = files.parallelStream().mapToLong(f -> {
            try {
                String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
                long n = 0;
                for (Event ignored : new Parse(settings).parseString(text)) {
                    n++;
                }
                return n;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).sum();
        System.out.println(files.size() + " files, " + events + " events");
    }
}
