package io.kgate.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What the build embeds: every version complete and self-consistent, and the API lifecycle table sane. */
@Tag("in-process") // calls kgate's classes directly: the native suite has nothing to add
class EmbeddedSchemasTest {
    @Test
    void theThreeVersionsAreEmbedded() {
        assertEquals(List.of("1.31", "1.33", "1.34"), List.copyOf(SchemaStore.versions().keySet()));
        assertEquals("1.34", SchemaStore.newest());
    }

    @Test
    void everyVersionKnowsTheCommonKindsAndKgatesOwnDefinitions() {
        for (String v : SchemaStore.versions().keySet()) {
            SchemaStore s = SchemaStore.of(v);
            for (String[] gk : new String[][] {{"v1", "Pod"}, {"v1", "Service"}, {"apps/v1", "Deployment"},
                {"batch/v1", "CronJob"}, {"networking.k8s.io/v1", "Ingress"},
                {"rbac.authorization.k8s.io/v1", "ClusterRole"}, {"policy/v1", "PodDisruptionBudget"},
                {"apiextensions.k8s.io/v1", "CustomResourceDefinition"}, {"apiregistration.k8s.io/v1", "APIService"},
                {"extensions/v1beta1", "Ingress"}}) {
                assertNotNull(s.definitionOf(gk[0], gk[1]), v + ": " + gk[0] + " " + gk[1]);
            }
            assertEquals(SchemaStore.versions().get(v), s.kindCount());
        }
    }

    @Test
    void aKindIsLookedUpInItsOwnApiVersionOnly() {
        SchemaStore s = SchemaStore.of("1.34");
        assertEquals("io.k8s.api.apps.v1.Deployment", s.definitionOf("apps/v1", "Deployment"));
        assertNull(s.definitionOf("v1", "Deployment"));
        assertNull(s.definitionOf("apps/v1", "Pod"));
        assertNull(s.definitionOf("apps/v1", "deployment"));
        assertNull(s.definitionOf("apps", "v1\tDeployment"));
        assertNull(s.definitionOf(null, "Deployment"));
        assertNull(s.definitionOf("apps/v1", null));
    }

    @Test
    void everyReferenceResolvesInEveryVersion() {
        for (String v : SchemaStore.versions().keySet()) {
            SchemaStore s = SchemaStore.of(v);
            List<String> dangling = new ArrayList<>();
            for (String def : definitionNames(s)) {
                collectDangling(s, def, s.definition(def), dangling, 0);
            }
            assertEquals(List.of(), dangling, "dangling $refs in " + v);
        }
    }

    @Test
    void lifecycleTableIsConsistent() {
        for (ApiLifecycle.Entry e : ApiLifecycle.entries()) {
            assertNotNull(e.deprecated(), e.toString());
            assertTrue(e.removed() == null || ApiLifecycle.compare(e.deprecated(), e.removed()) < 0, e.toString());
            assertNotNull(e.replacement(), e.toString());
            assertTrue(!e.kinds().isEmpty(), e.toString());
        }
        ApiLifecycle.Entry endpoints = ApiLifecycle.find("v1", "Endpoints");
        assertTrue(endpoints.deprecatedIn("1.33") && !endpoints.deprecatedIn("1.31") && !endpoints.removedIn("1.34"));
    }

    @SuppressWarnings("unchecked")
    private static Iterable<String> definitionNames(SchemaStore s) {
        try {
            var f = SchemaStore.class.getDeclaredField("texts");
            f.setAccessible(true);
            return ((Map<String, String>) f.get(s)).keySet();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static void collectDangling(SchemaStore s, String where, Schema schema, List<String> out, int depth) {
        if (schema == null || depth > 20) {
            return;
        }
        if (schema.ref != null && s.definition(schema.ref) == null) {
            out.add(where + " -> " + schema.ref);
        }
        if (schema.properties != null) {
            schema.properties.forEach((k, p) -> collectDangling(s, where + "." + k, p, out, depth + 1));
        }
        collectDangling(s, where + "[]", schema.items, out, depth + 1);
        collectDangling(s, where + "{}", schema.additional, out, depth + 1);
    }
}
