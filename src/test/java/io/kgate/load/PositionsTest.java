package io.kgate.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kgate.model.KubeObject;
import io.kgate.model.Positions;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Any JSON pointer into a loaded object maps to the line:column where it is written. */
@Tag("in-process") // calls kgate's classes directly: the native suite has nothing to add
class PositionsTest {
    private static final String YAML = """
            # leading comment
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              labels: {app: web, "a/b": c}
            spec:
              template:
                spec:
                  containers:
                    - name: nginx
                      image: nginx:1.27
                      ports:
                      - containerPort: 8080
                    -   name: sidecar
                        args: ["--x", '--y']
            """;

    private static KubeObject obj;

    @BeforeAll
    static void load() throws Exception {
        LoadResult r = new Loader(LoadLimits.DEFAULT).load(List.of("-"),
                new ByteArrayInputStream(YAML.getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, r.objects().size());
        obj = r.objects().get(0);
    }

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource({
        "'', 3:1",
        "/kind, 4:1",
        "/metadata/name, 6:3",
        "/metadata/labels/app, 7:12",
        "/metadata/labels/a~1b, 7:22",
        "/spec/template/spec/containers/0, 12:11",
        "/spec/template/spec/containers/0/image, 13:11",
        "/spec/template/spec/containers/0/ports/0/containerPort, 15:13",
        "/spec/template/spec/containers/1/name, 16:13",
        "/spec/template/spec/containers/1/args/1, 17:27",
        // missing fields point at their nearest existing parent
        "/spec/template/spec/containers/0/resources/limits, 12:11",
        "/spec/replicas, 8:1",
        "/spec/template/spec/containers/7, 11:7",
        // a step below a scalar, or an index that is not a number, ends where the walk stopped
        "/metadata/name/x, 6:3",
        "/spec/template/spec/containers/1/args/1/x, 17:27",
        "/spec/template/spec/containers/first, 11:7"})
    void pointerMapsToSourcePosition(String pointer, String expected) {
        assertEquals(expected, obj.positionOf(pointer).toString());
    }

    @ParameterizedTest(name = "value of {0} at {1}")
    @CsvSource({"/metadata/name, 6:9", "/spec/template/spec/containers/0/image, 13:18"})
    void valuePositions(String pointer, String expected) {
        assertEquals(expected, Positions.ofValue(obj.root(), pointer).toString());
    }
}
