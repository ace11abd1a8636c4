package io.kgate.check.rules.templates;

import io.kgate.check.rules.Param;
import io.kgate.check.rules.ParamSchema;
import io.kgate.check.rules.Reads;
import io.kgate.check.rules.RuleContext;
import io.kgate.check.rules.Template;
import io.kgate.model.JsonPointer;
import io.kgate.model.KubeObject;
import io.kgate.model.MapNode;
import io.kgate.model.Node;
import io.kgate.model.Placeholders;
import io.kgate.model.PodTemplate;
import io.kgate.model.SecretData;
import io.kgate.model.Sops;
import java.util.List;

/** Template values that were never filled in: in Secrets, ConfigMaps and container env. */
public final class PlaceholderValueTemplate implements Template<PlaceholderValueTemplate.Params> {
    @Override
    public String name() {
        return "placeholder-value";
    }

    /** The rule's parameters: the patterns, compiled once (a pattern that does not compile is an error of the config). */
    public record Params(Placeholders placeholders) {
    }

    private static final Param<List<String>> PLACEHOLDERS = Param.strings("placeholders", Placeholders.DEFAULT_PATTERNS,
            "regular expressions that find a placeholder in a value");

    @Override
    public ParamSchema<Params> params() {
        return ParamSchema.of(v -> new Params(new Placeholders(v.get(PLACEHOLDERS))), PLACEHOLDERS);
    }

    /** Each object by itself. */
    @Override
    public Reads reads() {
        return Reads.OBJECT_ALONE;
    }

    @Override
    public void run(RuleContext<PlaceholderValueTemplate.Params> ctx) {
        Placeholders placeholders = ctx.params().placeholders();
        for (KubeObject o : ctx.graph().ofKind("Secret")) {
            if (!SecretData.isSecret(o) || Sops.isEncrypted(o)) {
                continue;
            }
            for (SecretData.Value v : SecretData.values(o)) {
                String found = placeholders.find(v.text());
                if (found != null) {
                    report(ctx, o, v.pointer(), found, v.encoded() != null ? " (decoded from base64)" : "");
                }
            }
        }
        for (KubeObject o : ctx.graph().ofKind("ConfigMap")) {
            if (o.root().get("data") instanceof MapNode data) {
                for (MapNode.Entry e : data.entries()) {
                    String found = placeholders.find(e.value().text());
                    if (found != null) {
                        report(ctx, o, JsonPointer.child("/data", e.key()), found, "");
                    }
                }
            }
        }
        for (PodTemplate pod : ctx.graph().pods()) {
            for (PodTemplate.Container c : pod.allContainers()) {
                Fields.eachMap(c.node(), c.pointer(), "env", (ptr, env) -> {
                    Node value = env.get("value");
                    String found = placeholders.find(value == null ? null : value.text());
                    if (found != null) {
                        ctx.report(pod.owner(), ptr + "/value", "env " + Fields.show(env.get("name")) + " of "
                                + c.display() + " holds the placeholder " + found
                                + ": fill in the real value before deploying (a Secret for credentials)");
                    }
                });
            }
        }
    }

    private static void report(RuleContext<?> ctx, KubeObject o, String pointer, String found, String how) {
        ctx.report(o, pointer, JsonPointer.toDotted(pointer) + " of " + o.ref().display() + " holds the placeholder "
                + found + how + ": fill in the real value before deploying, or remove the key");
    }
}
