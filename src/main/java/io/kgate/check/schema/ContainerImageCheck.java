package io.kgate.check.schema;

import io.kgate.check.CheckContext;
import io.kgate.check.ObjectCheck;
import io.kgate.finding.Finding;
import io.kgate.model.ImageReference;
import io.kgate.model.JsonPointer;
import io.kgate.model.KubeObject;
import io.kgate.model.MapNode;
import io.kgate.model.Node;
import io.kgate.model.PodTemplate;
import io.kgate.model.ScalarNode;
import io.kgate.model.SeqNode;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The part of {@code schema} about container images that the OpenAPI definitions leave out: the API
 * server requires an image for every container of a Pod or a pod template (the schema marks it
 * optional, for other users of the type), and the kubelet refuses an image reference that does not
 * parse (InvalidImageName, the pod never starts).
 */
public final class ContainerImageCheck implements ObjectCheck {
    private static final String ID = SchemaCheck.SCHEMA;

    @Override
    public void check(CheckContext ctx, KubeObject o, Consumer<Finding> out) {
        String template = PodTemplate.templatePointer(o.kind());
        if (template == null || !(o.at(template + "/spec") instanceof MapNode spec)) {
            return;
        }
        String specPointer = template + "/spec";
        for (String key : new String[] {"initContainers", "containers", "ephemeralContainers"}) {
            if (!(spec.get(key) instanceof SeqNode containers)) {
                continue;
            }
            for (int i = 0; i < containers.size(); i++) {
                if (containers.get(i) instanceof MapNode c) {
                    container(ctx, o, c, JsonPointer.child(JsonPointer.child(specPointer, key), i), out);
                }
            }
        }
    }

    private static void container(CheckContext ctx, KubeObject o, MapNode c, String pointer, Consumer<Finding> out) {
        String name = c.string("name") == null ? "#" + JsonPointer.split(pointer).getLast() : c.string("name");
        Node image = c.get("image");
        if (image == null || image instanceof ScalarNode s && (s.value() == null || "".equals(s.text()))) {
            out.accept(ctx.finding(ID, o, image == null ? pointer : pointer + "/image", JsonPointer.toDotted(pointer)
                    + ": container " + name + " has no image; the API server requires one in every Pod and pod "
                    + "template"));
            return;
        }
        if (!(image instanceof ScalarNode s) || !(s.value() instanceof String ref) || ref.contains("${")) {
            return; // another type is a schema type error; ${VAR} is substituted before deploying
        }
        String problem = ImageReference.problem(ref);
        if (problem != null) {
            out.accept(ctx.finding(ID, o, pointer + "/image", JsonPointer.toDotted(pointer + "/image") + ": image \""
                    + ref + "\" " + problem + "; the kubelet cannot pull it (InvalidImageName)"));
        }
    }

    @Override
    public Set<String> rules() {
        return Set.of(ID);
    }
}
