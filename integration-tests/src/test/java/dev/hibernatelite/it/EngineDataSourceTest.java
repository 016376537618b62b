package dev.hibernatelite.it;

import dev.hibernatelite.HibernateLite;
import dev.hibernatelite.SessionContext;
import dev.hibernatelite.it.app.ProbeApp;
import dev.hibernatelite.it.app.ProbeConfig;
import dev.hibernatelite.testfixtures.Note;
import dev.hibernatelite.testing.TestDatabase;
import dev.hibernatelite.testing.TestIsolation;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** An engine's DataSource, for code that must use JDBC directly (jOOQ, Jdbi, a bulk copy), on PostgreSQL. */
class EngineDataSourceTest extends ProbeAppTest {
    @RegisterExtension
    @Order(0)
    static final TestDatabase POSTGRES = TestDatabase.postgres();

    @RegisterExtension
    @Order(1)
    static final DropwizardAppExtension<ProbeConfig> APP = probeApp(POSTGRES);

    @Override
    DropwizardAppExtension<ProbeConfig> app() {
        return APP;
    }

    private static HibernateLite<ProbeConfig> db() {
        return APP.<ProbeApp>getApplication().db();
    }

    private static long countByJdbc(String text) throws SQLException {
        try (Connection c = db().engine().dataSource().getConnection();
             PreparedStatement st = c.prepareStatement("select count(*) from notes where text = ?")) {
            st.setString(1, text);
            try (ResultSet rows = st.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static void insertByJdbc(String text) throws SQLException {
        try (Connection c = db().engine().dataSource().getConnection();
             PreparedStatement st = c.prepareStatement("insert into notes (text) values (?)")) {
            st.setString(1, text);
            st.executeUpdate();
            c.commit();
        }
    }

    @Test
    void jdbcThroughTheEnginesDataSourceSeesWhatHibernateCommittedAndCommitsItsOwn() throws SQLException {
        String byHibernate = unique("by-hibernate");
        String byJdbc = unique("by-jdbc");
        try (SessionContext ctx = db().context()) {
            db().session().persist(new Note(byHibernate));
            db().commit();
        }

        insertByJdbc(byJdbc);

        assertThat(countByJdbc(byHibernate)).isEqualTo(1);
        assertThat(countNotes(byJdbc)).isEqualTo(1);
    }

    @Test
    void underTestIsolationJdbcWorkIsRolledBackWithTheTest() throws SQLException {
        String text = unique("isolated-jdbc");
        try (TestIsolation isolation = TestIsolation.open(db())) {
            insertByJdbc(text);
            assertThat(countByJdbc(text)).isEqualTo(1);
        }

        assertThat(countByJdbc(text)).isZero();
    }
}
