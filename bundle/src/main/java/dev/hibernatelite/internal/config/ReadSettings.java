package dev.hibernatelite.internal.config;

import java.util.List;

/**
 * Where an engine's read-only sessions get their connections: a read-only pool on each replica,
 * or, without replicas (or when none answers), one on the primary.
 *
 * @param replicas the replicas, in configuration order (empty: reads go to the primary)
 * @param maxReplicaLagMillis how far behind the primary a replica may be and still serve reads
 * @param maxSize the most connections of each read-only pool
 */
public record ReadSettings(List<ReplicaSettings> replicas, long maxReplicaLagMillis, int maxSize) {
    /**
     * One replica of an engine.
     *
     * @param name its name in pool names, metrics and health output ({@code replica-1})
     * @param yamlPath its YAML path ({@code engines.default.replicas[0]})
     * @param jdbcUrl the URL to connect with (a password written in it moved to {@code password})
     * @param configuredUrl the URL as written
     * @param password the password to connect with, or null for the engine's
     */
    public record ReplicaSettings(String name, String yamlPath, String jdbcUrl, String configuredUrl,
                                  String password) {
        /** @return the URL as written, safe to print */
        public String maskedUrl() {
            return dev.hibernatelite.internal.message.Secrets.mask(configuredUrl);
        }

        @Override
        public String toString() {
            return "Replica{" + name + ", " + maskedUrl() + "}";
        }
    }
}
