package dev.hibernatelite.testing;

import org.testcontainers.DockerClientFactory;

/**
 * Whether a database can be had from a container: its Testcontainers module is on the class path
 * and a Docker engine answers. Touches Testcontainers' classes only after finding them there.
 */
final class Containers {
    private Containers() {
    }

    /**
     * @param moduleClass a class of the Testcontainers module that starts the database
     * @param module the module's artifact, for the message
     * @return why no container can be used, or {@code null} when one can
     */
    static String unavailable(String moduleClass, String module) {
        if (!ClassPath.has(moduleClass)) {
            return module + " is not on the class path";
        }
        if (!dockerAnswers()) {
            return "no Docker engine answers";
        }
        return null;
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
