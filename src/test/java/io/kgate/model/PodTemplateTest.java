package io.kgate.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.kgate.load.YamlText;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("in-process") // calls kgate's classes directly: the native suite has nothing to add
class PodTemplateTest {
    /** A workload of {@code kind} with {@code init} init containers and {@code regular} containers. */
    private static KubeObject workload(String kind, int init, int regular) throws YamlText.Invalid {
        StringBuilder pod = new StringBuilder("{initContainers: [");
        for (int i = 0; i < init; i++) {
            pod.append(i == 0 ? "" : ", ").append("{name: init-").append(i).append('}');
        }
        pod.append("], containers: [");
        for (int i = 0; i < regular; i++) {
            pod.append(i == 0 ? "" : ", ").append("{name: c-").append(i).append('}');
        }
        pod.append("]}");
        String yaml = switch (kind) {
            case "CronJob" -> "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: w}\n"
                    + "spec: {jobTemplate: {spec: {template: {spec: " + pod + "}}}}\n";
            case "Pod" -> "apiVersion: v1\nkind: Pod\nmetadata: {name: w}\nspec: " + pod + "\n";
            default -> "apiVersion: apps/v1\nkind: " + kind + "\nmetadata: {name: w}\nspec: {template: {spec: " + pod + "}}\n";
        };
        return KubeObject.of(new SourceFile("w.yaml", List.of()), 0, -1, YamlText.parse(yaml).asMap(), List.of());
    }

    /** Each container's pointer names it, beyond the pointers kept too, and a kept one is the same String each time. */
    @Test
    void containersArePointedAtWhereTheyAreWritten() throws Exception {
        for (String kind : List.of("Deployment", "CronJob", "Pod")) {
            KubeObject o = workload(kind, 3, 20);
            PodTemplate pod = PodTemplate.of(o);
            List<PodTemplate.Container> all = pod.allContainers();
            assertEquals(23, all.size(), kind);
            for (PodTemplate.Container c : all) {
                assertSame(c.node(), o.at(c.pointer()), kind + " " + c.pointer());
                String key = c.init() ? "initContainers" : "containers";
                assertEquals(pod.specPointer() + "/" + key + "/" + JsonPointer.split(c.pointer()).getLast(), c.pointer());
            }
            assertEquals("init-2", all.get(2).name());
            assertEquals("c-19", all.get(22).name());
            assertSame(all.get(4).pointer(), pod.containers().get(1).pointer(), kind);
            // a pod spec elsewhere (not one of templatePointer's): right, and not kept
            PodTemplate elsewhere = new PodTemplate(o, "/spec/template/spec/containers/0/x", "/spec/template/metadata",
                    pod.spec());
            assertEquals("/spec/template/spec/containers/0/x/containers/1", elsewhere.containers().get(1).pointer());
            assertNotSame(elsewhere.containers().get(1).pointer(), elsewhere.containers().get(1).pointer());
            assertSame(all.get(1).pointer(), PodTemplate.of(workload(kind, 2, 1)).initContainers().get(1).pointer(), kind);
        }
    }
}
