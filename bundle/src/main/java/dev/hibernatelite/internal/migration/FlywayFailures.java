package dev.hibernatelite.internal.migration;

import dev.hibernatelite.internal.message.MigrationMessages;
import dev.hibernatelite.internal.message.Secrets;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.flywaydb.core.api.output.ValidateOutput;
import org.flywaydb.core.internal.exception.FlywayMigrateException;
import org.flywaydb.core.internal.sqlscript.FlywaySqlScriptException;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Flyway's failures into the catalogue's messages: a migration that failed (its file, line,
 * statement and the database's error, and what is left of it), migrations that do not match the
 * history (each file named), two files with one version, and anything else with its cause
 * (secrets masked).
 *
 * <p>Internal: not part of the public API.
 */
final class FlywayFailures {
    private static final Pattern DUPLICATE = Pattern.compile("Found more than one migration with version ([^\\s]+)");
    private static final Pattern OFFENDER = Pattern.compile("->\\s*(\\S+)\\s*\\(");

    private FlywayFailures() {
    }

    static MigrationException translate(MigrationTarget target, String command, FlywayException e) {
        String header = target.header();
        String message = e.getMessage() == null ? "" : e.getMessage();
        Matcher duplicate = DUPLICATE.matcher(message);
        if (duplicate.find()) {
            List<String> files = new ArrayList<>();
            Matcher offender = OFFENDER.matcher(message);
            while (offender.find()) {
                files.add(fileName(offender.group(1)));
            }
            return new MigrationException(MigrationMessages.duplicateVersion(header, duplicate.group(1), files), e);
        }
        FlywayMigrateException migrate = find(e, FlywayMigrateException.class);
        FlywaySqlScriptException script = find(e, FlywaySqlScriptException.class);
        if (migrate != null || script != null) {
            String file = migrate != null && migrate.getMigration() != null ? migrate.getMigration().getScript()
                    : script != null && script.getResource() != null ? fileName(script.getResource().getFilename())
                    : "the migration";
            int line = script != null ? script.getLineNumber() : migrate.getLineNumber();
            String statement = script != null ? script.getStatement() : null;
            SQLException sql = find(e, SQLException.class);
            String error = sql != null ? firstLine(sql.getMessage()) : firstLine(mask(target, message));
            return new MigrationException(MigrationMessages.migrationFailed(header, file, line,
                    statement == null ? null : mask(target, statement), mask(target, error),
                    target.transactionalDdl()), e);
        }
        if (e instanceof FlywayValidateException) {
            return new MigrationException(MigrationMessages.migrationsInvalid(header, validationProblems(message)), e);
        }
        String cause = firstLine(target.describe(e));
        String root = firstLine(Secrets.describeRoot(e, target.password()));
        return new MigrationException(MigrationMessages.commandFailed(header, command,
                cause.contains(root) ? cause : cause + " (" + root + ")"), e);
    }

    /** @return each problem Flyway's validation message lists, one line each */
    private static List<String> validationProblems(String message) {
        List<String> problems = new ArrayList<>();
        for (String line : message.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("Migration checksum mismatch") || trimmed.startsWith("Detected")
                    || trimmed.startsWith("Migration description mismatch") || trimmed.startsWith("Migration type mismatch")) {
                problems.add(trimmed);
            }
        }
        if (problems.isEmpty()) {
            problems.add(firstLine(message));
        }
        return problems;
    }

    static String describe(ValidateOutput invalid) {
        String what = invalid.errorDetails == null ? "does not match the history"
                : firstLine(invalid.errorDetails.errorMessage);
        String file = invalid.filepath == null || invalid.filepath.isEmpty()
                ? FlywayMigrator.label(invalid.version, invalid.description) : fileName(invalid.filepath);
        return file + ": " + what;
    }

    static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        String trimmed = text.strip();
        int end = trimmed.indexOf('\n');
        return (end < 0 ? trimmed : trimmed.substring(0, end)).strip();
    }

    private static String fileName(String path) {
        if (path == null) {
            return "";
        }
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(slash + 1);
    }

    private static String mask(MigrationTarget target, String text) {
        return target.password() == null || target.password().isEmpty() ? Secrets.mask(text)
                : Secrets.mask(text.replace(target.password(), "****"));
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
