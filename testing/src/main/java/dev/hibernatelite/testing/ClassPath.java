package dev.hibernatelite.testing;

/** Whether an optional dependency is on the class path, without initialising anything of it. */
final class ClassPath {
    private ClassPath() {
    }

    static boolean has(String className) {
        try {
            Class.forName(className, false, ClassPath.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
