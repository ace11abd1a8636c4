package io.kgate.cluster;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The classes the fabric8 client reads a kubeconfig and an exec plugin's answer into, with Jackson.
 * The native image keeps their constructors, fields and setters; nothing else of the client's model
 * is needed, because kgate sends raw requests.
 */
@RegisterForReflection(targets = {
        io.fabric8.kubernetes.api.model.Config.class,
        io.fabric8.kubernetes.api.model.Cluster.class,
        io.fabric8.kubernetes.api.model.NamedCluster.class,
        io.fabric8.kubernetes.api.model.Context.class,
        io.fabric8.kubernetes.api.model.NamedContext.class,
        io.fabric8.kubernetes.api.model.AuthInfo.class,
        io.fabric8.kubernetes.api.model.NamedAuthInfo.class,
        io.fabric8.kubernetes.api.model.AuthProviderConfig.class,
        io.fabric8.kubernetes.api.model.ExecConfig.class,
        io.fabric8.kubernetes.api.model.ExecEnvVar.class,
        io.fabric8.kubernetes.api.model.Preferences.class,
        io.fabric8.kubernetes.api.model.NamedExtension.class,
        io.fabric8.kubernetes.client.Config.ExecCredential.class,
        io.fabric8.kubernetes.client.Config.ExecCredentialSpec.class,
        io.fabric8.kubernetes.client.Config.ExecCredentialStatus.class })
final class KubeconfigReflection {
    private KubeconfigReflection() {
    }
}
