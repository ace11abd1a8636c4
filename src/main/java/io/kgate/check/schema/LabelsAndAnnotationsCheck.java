package io.kgate.check.schema;

import io.kgate.check.CheckContext;
import io.kgate.check.ObjectCheck;
import io.kgate.finding.Finding;
import io.kgate.model.JsonPointer;
import io.kgate.model.KubeObject;
import io.kgate.model.MapNode;
import io.kgate.model.PodTemplate;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The part of {@code schema} about labels and annotations, of the object and of its pod template: the
 * syntax of label keys and values and of annotation keys, and the API server's 256 KiB limit on all
 * annotations together.
 */
public final class LabelsAndAnnotationsCheck implements ObjectCheck {
    private static final String ID = SchemaCheck.SCHEMA;
    private static final long ANNOTATIONS_MAX_BYTES = 256 * 1024;

    @Override
    public void check(CheckContext ctx, KubeObject o, Consumer<Finding> out) {
        if (o.metadata() != null) {
            metadata(ctx, o, o.metadata(), "/metadata", out);
        }
        String template = PodTemplate.templatePointer(o.kind());
        // a Pod is its own template ("")
        if (template != null && !template.isEmpty() && o.at(template + "/metadata") instanceof MapNode tm) {
            metadata(ctx, o, tm, template + "/metadata", out);
        }
    }

    private static void metadata(CheckContext ctx, KubeObject o, MapNode meta, String ptr, Consumer<Finding> out) {
        if (meta.get("labels") instanceof MapNode labels) {
            for (int i = 0; i < labels.size(); i++) { // the pointer made only for a finding: most labels have none
                String key = labels.keyAt(i);
                String keyProblem = NameSyntax.qualifiedName(key);
                if (keyProblem != null) {
                    out.accept(ctx.finding(ID, o, JsonPointer.child(ptr + "/labels", key),
                            "label key \"" + key + "\": " + keyProblem));
                }
                String v = labels.valueAt(i).text();
                String problem = v == null || v.isEmpty() ? null : NameSyntax.labelValue(v);
                if (problem != null) {
                    out.accept(ctx.finding(ID, o, JsonPointer.child(ptr + "/labels", key),
                            "label value \"" + v + "\" of \"" + key + "\": " + problem));
                }
            }
        }
        if (meta.get("annotations") instanceof MapNode annotations) {
            long bytes = 0;
            for (MapNode.Entry e : annotations.entries()) {
                String keyProblem = NameSyntax.qualifiedName(e.key());
                if (keyProblem != null) {
                    out.accept(ctx.finding(ID, o, JsonPointer.child(ptr + "/annotations", e.key()),
                            "annotation key \"" + e.key() + "\": " + keyProblem));
                }
                String v = e.value().text();
                bytes += e.key().getBytes(StandardCharsets.UTF_8).length
                        + (v == null ? 0 : v.getBytes(StandardCharsets.UTF_8).length);
            }
            if (bytes > ANNOTATIONS_MAX_BYTES) {
                out.accept(ctx.finding(ID, o, ptr + "/annotations", "annotations total " + bytes
                        + " bytes; the API server allows at most 262144 (256 KiB)"));
            }
        }
    }

    @Override
    public Set<String> rules() {
        return Set.of(ID);
    }
}
