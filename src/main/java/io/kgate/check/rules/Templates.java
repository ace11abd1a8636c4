package io.kgate.check.rules;

import io.kgate.check.rules.templates.CelTemplate;
import io.kgate.check.rules.templates.ExternalNameIpTemplate;
import io.kgate.check.rules.templates.HpaReplicasTemplate;
import io.kgate.check.rules.templates.HpaTargetTemplate;
import io.kgate.check.rules.templates.ImageTagTemplate;
import io.kgate.check.rules.templates.IngressBackendTemplate;
import io.kgate.check.rules.templates.IngressTlsSecretTemplate;
import io.kgate.check.rules.templates.PdbMinAvailableTemplate;
import io.kgate.check.rules.templates.PdbSelectorTemplate;
import io.kgate.check.rules.templates.PlaceholderValueTemplate;
import io.kgate.check.rules.templates.PodReferencesTemplate;
import io.kgate.check.rules.templates.ProbesTemplate;
import io.kgate.check.rules.templates.ResourceBudgetTemplate;
import io.kgate.check.rules.templates.RolloutZeroDowntimeTemplate;
import io.kgate.check.rules.templates.SecretInRepoTemplate;
import io.kgate.check.rules.templates.SecurityContextTemplate;
import io.kgate.check.rules.templates.SelectorMatchTemplate;
import io.kgate.check.rules.templates.StatefulSetServiceTemplate;
import io.kgate.check.rules.templates.ServiceEndpointsTemplate;
import io.kgate.check.rules.templates.ServiceTargetPortTemplate;
import io.kgate.check.rules.templates.ServiceTypeTemplate;
import io.kgate.check.rules.templates.ReadonlyRootWritableDirsTemplate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every template kgate has, by name. An explicit list: no classpath scanning (native image). */
public final class Templates {
    private static final Map<String, Template<?>> BY_NAME = byName(List.of(new ServiceEndpointsTemplate(), new ServiceTypeTemplate(),
                new ExternalNameIpTemplate(), new ReadonlyRootWritableDirsTemplate(), new ResourceBudgetTemplate(),
                new IngressBackendTemplate(), new SelectorMatchTemplate(), new RolloutZeroDowntimeTemplate(),
                new ProbesTemplate(), new ImageTagTemplate(), new SecurityContextTemplate(), new PodReferencesTemplate(),
                new StatefulSetServiceTemplate(), new ServiceTargetPortTemplate(), new HpaTargetTemplate(),
                new HpaReplicasTemplate(), new IngressTlsSecretTemplate(), new SecretInRepoTemplate(),
                new PlaceholderValueTemplate(), new PdbSelectorTemplate(), new PdbMinAvailableTemplate(),
                CelTemplate.object(), CelTemplate.tree()));

    private Templates() {
    }

    private static Map<String, Template<?>> byName(List<Template<?>> templates) {
        Map<String, Template<?>> m = new LinkedHashMap<>();
        templates.forEach(t -> m.put(t.name(), t));
        return java.util.Collections.unmodifiableMap(m);
    }

    public static Template<?> byName(String name) {
        return BY_NAME.get(name);
    }

    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }
}
