package dev.hibernatelite.it.app;

/** The probe built with {@code .warnOnUncommittedChanges(false)}. */
public class SilentProbeApp extends ProbeApp {
    public SilentProbeApp() {
        super(false);
    }
}
