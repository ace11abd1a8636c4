package io.kgate.check.rules.templates;

import io.kgate.check.rules.Param;
import io.kgate.check.rules.ParamSchema;
import io.kgate.check.rules.Reads;
import io.kgate.check.rules.RuleContext;
import io.kgate.check.rules.Template;
import io.kgate.model.PodTemplate;
import java.util.List;

/** Images are pinned: a tag other than latest, or a digest. */
public final class ImageTagTemplate implements Template<ImageTagTemplate.Params> {
    /** The rule's parameters: see the constants below. */
    public record Params(List<String> forbiddenTags) {
    }

    private static final Param<List<String>> FORBIDDEN_TAGS = Param.strings("forbiddenTags", List.of("latest"),
            "tags that do not pin a version");

    @Override
    public String name() {
        return "image-tag";
    }

    /** Each object by itself. */
    @Override
    public Reads reads() {
        return Reads.OBJECT_ALONE;
    }

    @Override
    public ParamSchema<Params> params() {
        return ParamSchema.of(v -> new Params(v.get(FORBIDDEN_TAGS)), FORBIDDEN_TAGS);
    }

    @Override
    public void run(RuleContext<Params> ctx) {
        List<String> forbidden = ctx.params().forbiddenTags();
        for (PodTemplate pod : ctx.graph().pods()) {
            for (PodTemplate.Container c : pod.allContainers()) {
                String image = c.image();
                if (image == null || image.contains("@")) {
                    continue; // a digest pins the image whatever the tag says
                }
                int slash = image.lastIndexOf('/');
                int colon = image.lastIndexOf(':');
                String tag = colon > slash ? image.substring(colon + 1) : null;
                if (tag == null) {
                    ctx.report(pod.owner(), c.pointer() + "/image", "image " + image + " of " + c.display()
                            + " has no tag, which means :latest: a restart may run a different version; pin a tag or digest");
                } else if (forbidden.contains(tag)) {
                    ctx.report(pod.owner(), c.pointer() + "/image", "image " + image + " of " + c.display()
                            + " uses the tag " + tag + ", which moves: a restart may run a different version; pin a version");
                }
            }
        }
    }
}
