package dev.hibernatelite.internal.migration;

import dev.hibernatelite.internal.config.DatabaseVendor;
import dev.hibernatelite.internal.config.MigrationSettings;
import dev.hibernatelite.internal.engine.SyncEngine;
import dev.hibernatelite.internal.message.MigrationMessages;
import dev.hibernatelite.internal.schema.SchemaDiff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code db revision}: writes the next versioned migration of an engine into its folder in the
 * source tree, holding the DDL that brings the database, after its pending migrations, to what the
 * entities map. Pending migrations are read from that folder (so files not yet built count) and
 * applied to a scratch database on the same server, never to the engine's own. Nothing is written
 * when there is no difference. Drops are written only when asked.
 *
 * <p>Internal: not part of the public API.
 */
public final class RevisionWriter {
    private static final Pattern VERSIONED = Pattern.compile("^V(\\d+)(?:[._]\\d+)*__.*");
    private static final Pattern LEADING_NUMBER = Pattern.compile("^(\\d+).*");

    private RevisionWriter() {
    }

    /**
     * What {@code db revision} did.
     *
     * @param file the file written, or null when there was no difference
     * @param statements the statements written
     * @param notDropped what the database has and the mapping does not, left alone (no {@code --drop})
     * @param pending how many pending migrations the revision comes after
     */
    public record Revision(Path file, List<String> statements, List<String> notDropped, int pending) {
    }

    /**
     * @param engine the started engine, whose entities are the target
     * @param folder the engine's migration folder in the source tree
     * @param description what the revision does ({@code add post title})
     * @param drop whether to write DROP statements for what the mapping no longer has
     * @return what it wrote
     * @throws MigrationException for an unsupported database, a folder that is not there, a scratch
     *         database that cannot be made, or a database that cannot be read
     */
    public static Revision write(SyncEngine engine, Path folder, String description, boolean drop) {
        MigrationTarget live = MigrationTarget.of(engine.settings());
        DatabaseVendor vendor = live.vendor();
        if (vendor != DatabaseVendor.POSTGRESQL && !vendor.isMySqlFamily() && vendor != DatabaseVendor.H2) {
            throw new MigrationException(MigrationMessages.revisionUnsupported(live.header(),
                    engine.databaseInfo().map(i -> i.productName()).orElse("not one of them")), null);
        }
        String slug = slug(description);
        if (slug.isEmpty()) {
            throw new MigrationException(MigrationMessages.revisionMessageInvalid(description), null);
        }
        if (!Files.isDirectory(folder)) {
            throw new MigrationException(MigrationMessages.revisionFolderMissing(engine.name(),
                    folder.toAbsolutePath().normalize()), null);
        }
        MigrationSettings fromSource = new MigrationSettings(live.migrations().yamlPath(),
                List.of("filesystem:" + folder.toAbsolutePath().normalize()), true,
                false, live.migrations().table());
        MigrationTarget target = new MigrationTarget(live.name(), false, live.jdbcUrl(), live.maskedUrl(), vendor,
                live.driverClass(), live.user(), live.password(), live.driverProperties(), fromSource);
        MigrationStatus status = FlywayMigrator.of(target).info();
        SchemaDiff.Result diff;
        if (!status.pending().isEmpty()) {
            diff = diffAfterPending(engine, target, status.pending());
        } else if (status.current() == null) {
            // No migration at all yet: the first revision creates everything, whatever tables a
            // prototype's db create made in this database (run db baseline on it afterwards).
            diff = diffOnEmptyOrLive(engine, target);
        } else {
            diff = diff(engine, target);
        }
        int version = nextVersion(folder, status);
        List<String> statements = new ArrayList<>(diff.statements());
        boolean writeDrops = drop && !diff.dropStatements().isEmpty();
        if (statements.isEmpty() && !writeDrops) {
            return new Revision(null, List.of(), diff.droppable(), status.pending().size());
        }
        Path file = folder.resolve("V" + version + "__" + slug + ".sql");
        String text = render(engine, version, description, diff, writeDrops, status.pending().size());
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            throw new MigrationException(MigrationMessages.commandFailed(target.header(), "db revision",
                    "could not write " + file + ": " + e), e);
        }
        if (writeDrops) {
            statements.addAll(diff.dropStatements());
        }
        return new Revision(file, List.copyOf(statements), writeDrops ? List.of() : diff.droppable(),
                status.pending().size());
    }

    private static SchemaDiff.Result diff(SyncEngine engine, MigrationTarget target) {
        try {
            return SchemaDiff.against(engine, Set.of(target.migrations().table()));
        } catch (SQLException | RuntimeException e) {
            throw new MigrationException(MigrationMessages.commandFailed(target.header(), "db revision",
                    "could not compare the database with the entities: " + target.describe(e)), e);
        }
    }

    private static SchemaDiff.Result diffAfterPending(SyncEngine engine, MigrationTarget target, List<String> pending) {
        ScratchDatabase scratch;
        try {
            scratch = ScratchDatabase.create(target);
        } catch (SQLException | RuntimeException e) {
            throw new MigrationException(MigrationMessages.revisionNeedsScratch(target.header(), pending,
                    target.describe(e)), e);
        }
        try (ScratchDatabase closing = scratch) {
            FlywayMigrator.onUrl(target, scratch.url()).migrate();
            return diffOn(scratch, engine, target);
        } catch (SQLException e) {
            throw new MigrationException(MigrationMessages.commandFailed(target.header(), "db revision",
                    "the scratch database failed: " + target.describe(e)), e);
        }
    }

    private static SchemaDiff.Result diffOnEmptyOrLive(SyncEngine engine, MigrationTarget target) {
        ScratchDatabase scratch;
        try {
            scratch = ScratchDatabase.create(target);
        } catch (SQLException | RuntimeException e) {
            return diff(engine, target);
        }
        try (ScratchDatabase closing = scratch) {
            return diffOn(scratch, engine, target);
        } catch (SQLException e) {
            throw new MigrationException(MigrationMessages.commandFailed(target.header(), "db revision",
                    "the scratch database failed: " + target.describe(e)), e);
        }
    }

    /**
     * Compares the entities with the scratch database through an engine of its own, booted on it: Hibernate
     * reads a database's tables in the catalog it found at boot, which is the engine's database's name.
     */
    private static SchemaDiff.Result diffOn(ScratchDatabase scratch, SyncEngine engine, MigrationTarget target) {
        try (SyncEngine onScratch = SyncEngine.start(engine.settings().withJdbcUrl(scratch.url()), engine.entities(),
                null)) {
            return diff(onScratch, target);
        }
    }

    static int nextVersion(Path folder, MigrationStatus status) {
        int highest = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                Matcher m = VERSIONED.matcher(file.getFileName().toString());
                if (m.matches()) {
                    highest = Math.max(highest, Integer.parseInt(m.group(1)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (MigrationStatus.Row row : status.rows()) {
            Matcher m = LEADING_NUMBER.matcher(row.version());
            if (m.matches()) {
                highest = Math.max(highest, Integer.parseInt(m.group(1)));
            }
        }
        return highest + 1;
    }

    static String slug(String description) {
        String slug = description == null ? "" : description.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        return slug.length() > 60 ? slug.substring(0, 60).replaceAll("_+$", "") : slug;
    }

    private static String render(SyncEngine engine, int version, String description, SchemaDiff.Result diff,
                                 boolean writeDrops, int pending) {
        StringBuilder text = new StringBuilder();
        text.append("-- V").append(version).append(": ").append(description.strip().replaceAll("\\R", " ")).append('\n');
        text.append("-- Written by db revision for engine '").append(engine.name()).append("' on ")
                .append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(": the DDL Hibernate computes to bring\n");
        text.append("-- the database").append(pending == 0 ? "" : " (after its " + pending + " pending migrations)")
                .append(" to what the entities map. Review it before committing: a NOT NULL column added\n");
        text.append("-- to a table with rows needs a default or a backfill first.\n");
        for (String statement : diff.statements()) {
            text.append('\n').append(statement).append(";\n");
        }
        if (writeDrops) {
            text.append("\n-- DROP statements, written because --drop was given. Each destroys data: make sure\n")
                    .append("-- nothing (an older version still running during a rolling deploy) reads it any more.\n");
            for (String statement : diff.dropStatements()) {
                text.append('\n').append(statement).append(";\n");
            }
        } else if (!diff.droppable().isEmpty()) {
            text.append("\n-- Not dropped (db revision --drop writes DROP statements for them):\n");
            for (String item : diff.droppable()) {
                text.append("--   ").append(item).append('\n');
            }
        }
        return text.toString();
    }
}
