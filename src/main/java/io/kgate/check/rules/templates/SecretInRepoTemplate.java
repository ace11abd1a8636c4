package io.kgate.check.rules.templates;

import io.kgate.check.rules.ParamSchema;
import io.kgate.check.rules.Reads;
import io.kgate.check.rules.RuleContext;
import io.kgate.check.rules.Template;
import io.kgate.model.GitWorkTrees;
import io.kgate.model.KubeObject;
import io.kgate.model.Placeholders;
import io.kgate.model.SecretData;
import io.kgate.model.Sops;
import java.util.ArrayList;
import java.util.List;

/** No plain Secret values in git: SOPS, SealedSecrets or a secret store instead. */
public final class SecretInRepoTemplate implements Template<ParamSchema.None> {
    @Override
    public String name() {
        return "secret-in-repo";
    }

    @Override
    public ParamSchema<ParamSchema.None> params() {
        return ParamSchema.none();
    }

    /** Each object by itself. */
    @Override
    public Reads reads() {
        return Reads.OBJECT_ALONE;
    }

    @Override
    public void run(RuleContext<ParamSchema.None> ctx) {
        GitWorkTrees git = new GitWorkTrees();
        for (KubeObject o : ctx.graph().ofKind("Secret")) {
            if (!SecretData.isSecret(o) || Sops.isEncrypted(o)) {
                continue;
            }
            List<String> keys = new ArrayList<>();
            String first = null;
            for (SecretData.Value v : SecretData.values(o)) {
                String written = v.written();
                if (written.isBlank() || Sops.isEncryptedValue(written)
                        || Placeholders.defaults().isOnlyPlaceholder(v.text() != null ? v.text() : written)) {
                    continue;
                }
                keys.add(v.key());
                if (first == null) {
                    first = v.pointer().startsWith("/data/") ? "/data" : "/stringData";
                }
            }
            if (keys.isEmpty() || !git.contains(o.file().displayName())) {
                continue;
            }
            ctx.report(o, first, o.ref().display() + " holds " + keys.size() + " value" + (keys.size() == 1 ? "" : "s")
                    + " in plain text (" + String.join(", ", keys) + ") in a file kept in git: base64 is no "
                    + "encryption, and whoever reads the repository or its history has them; encrypt the file with "
                    + "SOPS, seal it (SealedSecret) or sync it from a secret store (ExternalSecret), then rotate "
                    + "the credentials");
        }
    }
}
