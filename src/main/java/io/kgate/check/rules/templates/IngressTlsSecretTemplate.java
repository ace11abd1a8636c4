package io.kgate.check.rules.templates;

import io.kgate.check.rules.ParamSchema;
import io.kgate.check.rules.Reads;
import io.kgate.check.rules.RuleContext;
import io.kgate.check.rules.Template;
import io.kgate.model.KubeObject;

/** An Ingress's TLS Secrets exist or cert-manager (or a sealed or external secret) produces them. */
public final class IngressTlsSecretTemplate implements Template<ParamSchema.None> {
    @Override
    public String name() {
        return "ingress-tls-secret";
    }

    @Override
    public ParamSchema<ParamSchema.None> params() {
        return ParamSchema.none();
    }

    @Override
    public Reads reads() {
        return Reads.fields("Ingress:/spec/tls");
    }

    @Override
    public void run(RuleContext<ParamSchema.None> ctx) {
        for (KubeObject ing : ctx.graph().ofKind("Ingress")) {
            Fields.eachMap(ing.root().map("spec"), "/spec", "tls", (ptr, tls) -> {
                String name = tls.string("secretName");
                if (name == null || name.isEmpty() || ctx.sources().find("Secret", ing.namespace(), name) != null) {
                    return;
                }
                ctx.report(ing, ptr + "/secretName", ing.ref().display() + " serves TLS from Secret " + name
                        + ", but there is " + ctx.sources().notFound("Secret", ing.namespace(), name)
                        + ": the ingress controller serves its default self-signed certificate; add a cert-manager "
                        + "Certificate with secretName " + name + " or the annotation cert-manager.io/cluster-issuer, "
                        + "or the Secret itself (sealed or external)");
            });
        }
    }
}
