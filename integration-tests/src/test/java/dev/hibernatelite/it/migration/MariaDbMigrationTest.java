package dev.hibernatelite.it.migration;

import dev.hibernatelite.testfixtures.CommandRun;
import dev.hibernatelite.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migrations on MariaDB, where each DDL statement commits: a failed migration leaves what ran before
 * the failing statement, is recorded as failed, and needs {@code db repair}; revisions are MariaDB's DDL.
 */
class MariaDbMigrationTest extends MigrationFixture {
    MariaDbMigrationTest() {
        super(TestDatabase.mariadb());
    }

    @Test
    void aFailedMigrationSaysWhatRemainsAndRepairThenLetsTheFixedOneApply() throws Exception {
        migration("V1__notes.sql", "create table notes (id bigint auto_increment primary key, text varchar(200) not null);\n");
        migration("V2__broken.sql", "create table first_half (id int);\n\ncreate tabel second_half (id int);\n");
        String config = config();

        CommandRun failed = db("migrate", config);

        assertThat(failed.failed()).isTrue();
        assertThat(failed.err()).contains("HL310").contains("engine 'default' (jdbc:mariadb://")
                .contains("migration V2__broken.sql failed at line 3").contains("commits each DDL statement")
                .contains("db repair").doesNotContain("\tat ");
        assertThat(tables()).contains("first_half");
        assertThat(applied()).containsExactly("1", "2 failed");

        execute("drop table first_half");
        migration("V2__broken.sql", "create table first_half (id int);\n\ncreate table second_half (id int);\n");
        CommandRun repair = db("repair", config);
        CommandRun migrate = db("migrate", config);

        assertThat(repair.out()).as(repair.toString()).contains("removed the failed V2 broken from the history");
        assertThat(migrate.out()).as(migrate.toString()).contains("applied 1 migration: V2 broken");
        assertThat(applied()).containsExactly("1", "2");
    }

    @Test
    void revisionsAreWrittenInMariaDbsDdlAndApplyCleanly() throws Exception {
        String config = config();

        CommandRun revision = db("revision", "create notes", config);
        CommandRun migrate = db("migrate", config);
        CommandRun again = db("revision", "nothing changed", config);

        assertThat(revision.out()).as(revision.toString()).contains("engine 'default' (jdbc:mariadb://").contains("wrote ");
        assertThat(migrate.out()).as(migrate.toString()).contains("applied 1 migration: V1 create notes");
        assertThat(again.out()).as(again.toString()).contains("nothing written");
        assertThat(tables()).contains("notes");
    }
}
