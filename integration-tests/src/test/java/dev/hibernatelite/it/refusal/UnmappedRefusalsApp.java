package dev.hibernatelite.it.refusal;

/** {@link RefusalApp} built with {@code databaseRefusalMapping(false)}: the bundle maps no refusal. */
public class UnmappedRefusalsApp extends RefusalApp {
    @Override
    protected boolean mapsRefusals() {
        return false;
    }
}
