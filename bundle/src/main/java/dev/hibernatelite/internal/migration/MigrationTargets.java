package dev.hibernatelite.internal.migration;

import dev.hibernatelite.internal.config.AsyncEngineSettings;
import dev.hibernatelite.internal.config.EngineSettings;
import dev.hibernatelite.internal.config.MigrationSettingsResolver;
import dev.hibernatelite.internal.message.Messages;
import dev.hibernatelite.internal.message.MigrationMessages;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The engines whose databases have migrations, sync and async, in configuration order. An async
 * engine on the same database, with the same locations and history table, as a sync engine of the
 * same name is the same target, migrated once.
 *
 * <p>Internal: not part of the public API.
 */
public final class MigrationTargets {
    private final List<MigrationTarget> all;

    private MigrationTargets(List<MigrationTarget> all) {
        this.all = List.copyOf(all);
    }

    /**
     * @param sync the validated sync engines
     * @param async the validated async engines
     * @return every engine as a migration target
     */
    public static MigrationTargets of(Map<String, EngineSettings> sync, Map<String, AsyncEngineSettings> async) {
        List<MigrationTarget> targets = new ArrayList<>();
        sync.values().forEach(s -> targets.add(MigrationTarget.of(s)));
        for (AsyncEngineSettings settings : async.values()) {
            MigrationTarget candidate = MigrationTarget.of(settings);
            boolean same = targets.stream().anyMatch(t -> t.name().equals(candidate.name())
                    && Objects.equals(t.maskedUrl(), candidate.maskedUrl())
                    && t.migrations().locations().equals(candidate.migrations().locations())
                    && t.migrations().table().equals(candidate.migrations().table()));
            if (!same) {
                targets.add(candidate);
            }
        }
        return new MigrationTargets(targets);
    }

    /** @return every target, whether it has migrations or not */
    public List<MigrationTarget> all() {
        return all;
    }

    /** @return the targets that have migrations */
    public List<MigrationTarget> withMigrations() {
        return all.stream().filter(t -> t.migrations().enabled()).toList();
    }

    /**
     * What a command works on: the named engine (sync, else async), or every engine with migrations.
     *
     * @param only the engine named with {@code --engine}, or null
     * @return the targets
     * @throws MigrationException for an unknown engine (HL301, with "did you mean"), an engine without
     *         migrations (HL312), or no engine with migrations (HL319)
     */
    public List<MigrationTarget> select(String only) {
        if (only == null) {
            List<MigrationTarget> with = withMigrations();
            if (with.isEmpty()) {
                Set<String> names = new LinkedHashSet<>();
                all.forEach(t -> names.add(t.name()));
                throw new MigrationException(MigrationMessages.noEngineHasMigrations(names), null);
            }
            return with;
        }
        List<MigrationTarget> named = all.stream().filter(t -> t.name().equals(only)).toList();
        if (named.isEmpty()) {
            Set<String> names = new LinkedHashSet<>();
            all.forEach(t -> names.add(t.name()));
            throw new MigrationException(Messages.commandUnknownEngine(only, names), null);
        }
        // a sync engine and an async engine of the same name on different databases: both
        for (MigrationTarget target : named) {
            if (!target.migrations().enabled()) {
                String location = target.migrations().locations().get(0);
                throw new MigrationException(MigrationMessages.noMigrations(target.header(), location,
                        MigrationSettingsResolver.sourceFolderOf(location), target.migrations().yamlPath()), null);
            }
        }
        return named;
    }
}
